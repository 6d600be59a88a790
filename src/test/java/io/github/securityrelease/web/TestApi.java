package io.github.securityrelease.web;


/** The API's error answers for a controller test of another package, without a Spring context. */
public final class TestApi {

  private TestApi() {}

  public static Object exceptionHandler() {
    return new ApiExceptionHandler();
  }
}

package io.github.securityrelease.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The API's error answers and web hardening, for a controller test of another package. */
public final class TestApi {

  private TestApi() {}

  /** The error answers, for a controller test without a Spring context. */
  public static Object exceptionHandler() {
    return new ApiExceptionHandler();
  }

  /**
   * What a {@code @WebMvcTest} leaves out of the API's hardening, being configuration: the
   * body limit and strict JSON ({@code @Import} it). The advices it finds itself.
   */
  @TestConfiguration(proxyBeanMethods = false)
  @Import({BodySizeLimitFilter.Registration.class, StrictJsonConfiguration.class})
  public static class Hardening {}
}

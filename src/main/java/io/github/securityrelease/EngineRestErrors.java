package io.github.securityrelease;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine wraps whatever a task listener throws, and the REST API answers a failed form
 * submission with a 500; so a refused submission (see {@link TaskInput}) would look like a
 * crash in Tasklist. This mapper, ranked before Camunda's own, unwraps it: the person sees a
 * 400 with the field and the reason. Every other error keeps Camunda's answer.
 */
@Priority(1000)
class EngineRestErrors implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException refused) {
        return ExceptionHandlerHelper.getInstance().getResponse(refused);
      }
    }
    return camunda.toResponse(exception);
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    ResourceConfigCustomizer engineRestErrors() {
      return config -> config.register(EngineRestErrors.class);
    }
  }
}

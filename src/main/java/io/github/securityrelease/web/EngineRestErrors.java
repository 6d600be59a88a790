package io.github.securityrelease.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * The engine wraps whatever a task listener throws, and the REST API answers a failed form
 * submission with a 500; so a refused submission (see {@link TaskInput}) would look like a
 * crash in Tasklist. This mapper, ranked before Camunda's own, unwraps it: the person sees a
 * 400 with the field and the reason, in Tasklist (the webapps' own engine API) as through
 * {@code /engine-rest}. Every other error keeps Camunda's answer.
 */
@Priority(1000)
public class EngineRestErrors implements ExceptionMapper<RestException> {

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

  /**
   * Registers the mapper in every JAX-RS application of the service: {@code /engine-rest}
   * and the webapps' own engine API, which Tasklist submits its forms to. Listed in
   * {@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}.
   */
  public static class Discovery implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(EngineRestErrors.class)) {
        context.register(EngineRestErrors.class);
      }
    }
  }
}

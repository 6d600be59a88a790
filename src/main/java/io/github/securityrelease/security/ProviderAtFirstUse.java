package io.github.securityrelease.security;

import io.github.securityrelease.web.ProblemResponses;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The identity provider, asked for its discovery document at the first sign-in or the first
 * bearer token it signed, not at start-up: the service starts while the provider is down, and
 * serves what needs no provider (the report page, personal tokens, the break-glass account).
 * A failed discovery is tried again at the next use; meanwhile a sign-in, or a request with the
 * provider's token, is answered {@code 503}: the service is not refusing the caller, it cannot
 * ask the provider.
 */
final class ProviderAtFirstUse implements ClientRegistrationRepository {

  private static final Logger log = LoggerFactory.getLogger(ProviderAtFirstUse.class);
  static final String UNREACHABLE = "The sign-in provider cannot be reached: please try again in a minute";

  private final String issuerUri;
  private final Supplier<ClientRegistration> discovery;
  private volatile ClientRegistration registration;

  ProviderAtFirstUse(String issuerUri, Supplier<ClientRegistration> discovery) {
    this.issuerUri = issuerUri;
    this.discovery = discovery;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!SsoProperties.REGISTRATION_ID.equals(registrationId)) {
      return null;
    }
    ClientRegistration found = registration;
    if (found == null) {
      synchronized (this) {
        if (registration == null) {
          registration = discover(discovery);
        }
        found = registration;
      }
    }
    return found;
  }

  /** The provider's token decoder, made at the first token; a failure becomes a {@code 503}, not a {@code 500}. */
  JwtDecoder decoder(Supplier<JwtDecoder> made) {
    JwtDecoder lazy = new SupplierJwtDecoder(() -> discover(made));
    return token -> {
      try {
        return lazy.decode(token);
      } catch (JwtDecoderInitializationException e) {
        // not a bad token (a 401): the provider did not answer, so the token could not be checked
        throw new JwtException(UNREACHABLE, e);
      }
    };
  }

  private <T> T discover(Supplier<T> what) {
    try {
      return what.get();
    } catch (RuntimeException e) {
      log.warn("The identity provider {} cannot be reached, trying again at the next sign-in: {}", issuerUri,
          e.getMessage());
      throw new ProviderUnreachableException(e);
    }
  }

  /** A sign-in started while the provider is down: a page saying so, {@code 503}, instead of Spring's bare {@code 500}. */
  static ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter> signInAnswers() {
    return new ObjectPostProcessor<>() {
      @Override
      public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
        filter.setAuthenticationFailureHandler((request, response, failure) -> {
          response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
          response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
          response.getWriter().write(UNREACHABLE + "\n");
        });
        return filter;
      }
    };
  }

  /**
   * A provider's token that could not be checked, the provider being down: {@code 503} as
   * problem JSON; a bad token stays the resource server's {@code 401} ({@code entryPoint}).
   */
  static ObjectPostProcessor<BearerTokenAuthenticationFilter> tokenAnswers(AuthenticationEntryPoint entryPoint) {
    AuthenticationFailureHandler refused = new AuthenticationEntryPointFailureHandler(entryPoint);
    return new ObjectPostProcessor<>() {
      @Override
      public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
        filter.setAuthenticationFailureHandler((request, response, failure) -> {
          if (failure instanceof AuthenticationServiceException) {
            ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, UNREACHABLE);
          } else {
            refused.onAuthenticationFailure(request, response, failure);
          }
        });
        return filter;
      }
    };
  }

  /** The provider did not answer its discovery document (or its keys). */
  static final class ProviderUnreachableException extends IllegalStateException {
    ProviderUnreachableException(Throwable cause) {
      super(UNREACHABLE, cause);
    }
  }
}

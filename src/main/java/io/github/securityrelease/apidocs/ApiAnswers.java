package io.github.securityrelease.apidocs;

import com.fasterxml.jackson.databind.JavaType;
import io.github.securityrelease.engine.MaxCharacters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every operation answers besides what its own {@code @ApiResponse}s say: the answers of
 * the layers in front of the controllers (login, login throttle, body limit, strict JSON), every
 * error as {@code application/problem+json} ({@code ApiExceptionHandler}), and text limits in
 * characters ({@link MaxCharacters} as {@code maxLength}, which JSON Schema counts in code points too).
 */
@Configuration(proxyBeanMethods = false)
class ApiAnswers {

  static final String PROBLEM = "ProblemDetail";
  static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
  static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

  @Bean
  OpenApiCustomizer answersOfEveryLayer() {
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      api.getComponents().addSchemas(PROBLEM, problemDetail());
      if (api.getPaths() != null) {
        api.getPaths().values().forEach(path -> path.readOperations().forEach(ApiAnswers::complete));
      }
    };
  }

  /** {@code maxLength} from {@link MaxCharacters}, as springdoc writes it for {@code @Size}. */
  @Bean
  PropertyCustomizer maxCharacters() {
    return (property, type) -> {
      Annotation[] annotations = type.getCtxAnnotations();
      if (property != null && annotations != null) {
        for (Annotation annotation : annotations) {
          if (annotation instanceof MaxCharacters max) {
            property.setMaxLength(max.value());
          }
        }
      }
      return property;
    };
  }

  /**
   * Jackson writes a null as {@code null}: a property with a reference type that no
   * {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty} holds may be null, and says so
   * (OpenAPI 3.1: {@code "null"} among its types). A reference to another schema stays as it is.
   */
  @Bean
  PropertyCustomizer nullWhereJavaMayBeNull() {
    return (property, type) -> {
      if (property == null || property.get$ref() != null || property.getTypes() == null
          || property.getTypes().isEmpty() || primitive(type.getType())) {
        return property;
      }
      if (type.getCtxAnnotations() != null) {
        for (Annotation annotation : type.getCtxAnnotations()) {
          if (annotation instanceof NotNull || annotation instanceof NotBlank || annotation instanceof NotEmpty) {
            return property;
          }
        }
      }
      property.addType("null");
      return property;
    };
  }

  private static boolean primitive(Type type) {
    return type instanceof Class<?> plain ? plain.isPrimitive() : type instanceof JavaType java && java.isPrimitive();
  }

  static void complete(Operation operation) {
    ApiResponses responses = operation.getResponses();
    boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
    if (secured) {
      add(responses, "401", "No login or a wrong one (HTTP Basic with a user of the service, WWW-Authenticate), or an unknown, expired or revoked token");
      add(responses, "429", "Too many failed logins from the caller's address: retry after Retry-After seconds");
    }
    if (operation.getRequestBody() != null) {
      add(responses, "400", "The body is not valid JSON, has an unknown field, or a field is invalid: each one named");
      add(responses, "413", "The body is larger than 64 KiB");
      add(responses, "415", "The body is not application/json");
    }
    for (Map.Entry<String, ApiResponse> entry : responses.entrySet()) {
      ApiResponse response = entry.getValue();
      if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
        response.setContent(new Content().addMediaType(PROBLEM_JSON,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
      } else if (response.getContent() != null && response.getContent().containsKey("*/*")) {
        // objects are written by Jackson alone: whatever the client accepts, they are JSON
        MediaType any = response.getContent().remove("*/*");
        response.getContent().addMediaType(JSON, any);
      }
    }
    // in order of code, as a reader looks for them
    Map<String, ApiResponse> sorted = new TreeMap<>(responses);
    responses.clear();
    responses.putAll(sorted);
  }

  private static void add(ApiResponses responses, String code, String description) {
    if (!responses.containsKey(code)) {
      responses.addApiResponse(code, new ApiResponse().description(description));
    }
  }

  /** RFC 9457, as Spring's {@code ProblemDetail} writes it, with this service's own members. */
  @SuppressWarnings("rawtypes")
  private static Schema problemDetail() {
    Schema<Object> fieldProblem = new ObjectSchema()
        .addProperty("field", new StringSchema().description("The field at fault, as the request names it"))
        .addProperty("message", new StringSchema());
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().description("A URI reference; about:blank for the status alone"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty("errors", new ArraySchema().items(fieldProblem)
            .description("For 400: every invalid field with what is wrong with it"))
        .addProperty("metric", new StringSchema().description("For a CVSS vector: the metric at fault"))
        .addRequiredItem("status");
  }
}

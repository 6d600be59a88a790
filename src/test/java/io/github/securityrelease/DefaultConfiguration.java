package io.github.securityrelease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * A properties record as the service binds it with nothing configured: the record's own
 * defaults overlaid by the shipped application.yaml (default profile). A test of a policy's
 * number reads the number from here, so that it fails when the default changes in either
 * place, instead of repeating the number next to the code.
 */
public final class DefaultConfiguration {

  private DefaultConfiguration() {}

  /** {@code type} bound from the shipped defaults under {@code prefix}. */
  public static <T> T bind(String prefix, Class<T> type) {
    return bind(prefix, type, Map.of());
  }

  /** The same, with {@code overrides} configured on top (as an operator would). */
  public static <T> T bind(String prefix, Class<T> type, Map<String, Object> overrides) {
    StandardEnvironment environment = new StandardEnvironment();
    // no variable of this machine's environment may change what the test reads
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    for (PropertySource<?> document : applicationYaml()) {
      Object profile = document.getProperty("spring.config.activate.on-profile");
      if (profile == null || "default".equals(profile)) {
        // a later document overrides an earlier one, as Spring Boot reads them
        environment.getPropertySources().addFirst(document);
      }
    }
    environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
    return Binder.get(environment).bindOrCreate(prefix, Bindable.of(type));
  }

  /** Every document of the shipped application.yaml, each profile's too. */
  static List<PropertySource<?>> applicationYaml() {
    try {
      return new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

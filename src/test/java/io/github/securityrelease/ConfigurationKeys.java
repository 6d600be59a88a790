package io.github.securityrelease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The {@code security-release.*} keys, read from the compiled code rather than from a list kept
 * by hand: the components of each {@code @ConfigurationProperties} record (in kebab case,
 * nested records followed), and any {@code @Value("${security-release....}")}.
 */
final class ConfigurationKeys {

  private static final String PREFIX = "security-release.";
  private static final Pattern VALUE_KEY = Pattern.compile("\\$\\{(security-release\\.[a-z0-9.-]+)");

  private ConfigurationKeys() {}

  /** Every key the classes under {@code classes} (target/classes) read. */
  static Set<String> read(Path classes) {
    Set<String> keys = new TreeSet<>();
    for (Class<?> type : classesUnder(classes)) {
      MergedAnnotations.from(type).get(ConfigurationProperties.class).getValue("prefix", String.class)
          .filter(prefix -> (prefix + ".").startsWith(PREFIX))
          .ifPresent(prefix -> addComponents(keys, prefix, type));
      Stream.of(type.getDeclaredFields()).forEach(field -> addValueKeys(keys, field));
      Stream.concat(Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()))
          .flatMap(executable -> Stream.of(executable.getParameters()))
          .forEach(parameter -> addValueKeys(keys, parameter));
    }
    return keys;
  }

  /** The {@code security-release.*} keys application.yaml sets, in every profile's document. */
  static Set<String> inApplicationYaml() {
    Set<String> keys = new TreeSet<>();
    for (PropertySource<?> document : DefaultConfiguration.applicationYaml()) {
      for (String name : ((EnumerablePropertySource<?>) document).getPropertyNames()) {
        if (name.startsWith(PREFIX)) {
          keys.add(name.replaceAll("\\[\\d+]$", ""));
        }
      }
    }
    return keys;
  }

  private static void addComponents(Set<String> keys, String prefix, Class<?> type) {
    if (!type.isRecord()) {
      throw new AssertionError(type + " binds " + prefix + " but is no record: teach ConfigurationKeys its properties");
    }
    for (RecordComponent component : type.getRecordComponents()) {
      String key = prefix + "." + kebabCase(component.getName());
      if (component.getType().isRecord() && component.getType().getPackageName().startsWith("io.github.securityrelease")) {
        addComponents(keys, key, component.getType());
      } else {
        keys.add(key);
      }
    }
  }

  private static void addValueKeys(Set<String> keys, AnnotatedElement element) {
    Value value = element.getAnnotation(Value.class);
    if (value != null) {
      Matcher key = VALUE_KEY.matcher(value.value());
      while (key.find()) {
        keys.add(key.group(1));
      }
    }
  }

  static String kebabCase(String camelCase) {
    return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static List<Class<?>> classesUnder(Path classes) {
    try (Stream<Path> files = Files.walk(classes)) {
      return files.filter(file -> file.toString().endsWith(".class"))
          .map(file -> classes.relativize(file).toString().replace(".class", "").replace('/', '.'))
          .filter(name -> !name.endsWith("package-info") && !name.endsWith("module-info"))
          .<Class<?>>map(ConfigurationKeys::load).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ConfigurationKeys.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(name + " is under target/classes but cannot be loaded", e);
    }
  }
}

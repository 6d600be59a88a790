package io.github.securityrelease;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * What an {@link OrchestratorIntegrationTest} context learns only at run time: the port of
 * this JVM's SMTP server ({@link TestSmtp}), and, when the ITs run on PostgreSQL
 * ({@link TestDatabase}), a database of its own in place of H2. Registered in
 * {@code META-INF/spring.factories}.
 */
public class TestEnvironment implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
    return testClass.isAnnotationPresent(OrchestratorIntegrationTest.class) ? new Customizer() : null;
  }

  private record Customizer() implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
      var properties = new java.util.HashMap<String, Object>(Map.of("spring.mail.port", TestSmtp.PORT));
      if (TestDatabase.postgres()) {
        String url = TestDatabase.freshUndropped();
        // the first singleton registered is the last destroyed: after the engine and the pool
        context.getBeanFactory().registerSingleton("dropTestDatabase",
            (org.springframework.beans.factory.DisposableBean) () -> TestDatabase.drop(url));
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", TestDatabase.username(url));
        properties.put("spring.datasource.password", TestDatabase.password(url));
      }
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-environment", properties));
    }
  }
}

package io.github.securityrelease;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * What an {@link OrchestratorIntegrationTest} context learns only at run time: the ports of
 * this JVM's SMTP and IMAP server ({@link TestSmtp}; the inbox reads the IMAP one), and, when the ITs run on PostgreSQL
 * ({@link TestDatabase}), a database of its own in place of H2. Registered in
 * {@code META-INF/spring.factories}.
 *
 * <p>It refuses a second, different context in one JVM while the first is open: Camunda
 * registers its engines JVM-wide by name, so the second context's engine would take the first
 * one's place under the webapps and the REST API of both. An IT with a context of its own (tag
 * {@value OrchestratorIntegrationTest#OWN_JVM}) closes it after its class ({@code @DirtiesContext}).
 */
public class TestEnvironment implements ContextCustomizerFactory {

  /** The configuration of the context open in this JVM, if any. */
  private static MergedContextConfiguration started;

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
    // a @Nested class of an IT shares its context: the annotation on an enclosing class counts
    return TestContextAnnotationUtils.hasAnnotation(testClass, OrchestratorIntegrationTest.class) ? new Customizer() : null;
  }

  private record Customizer() implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
      onlyContextOfThisJvm(configuration);
      context.addApplicationListener(event -> {
        if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
          closed(configuration);
        }
      });
      var properties = new java.util.HashMap<String, Object>(Map.of("spring.mail.port", TestSmtp.PORT,
          "security-release.inbox.url", "imap://" + TestSmtp.INBOX_USER + "@localhost:" + TestSmtp.IMAP_PORT + "/INBOX"));
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

    private static synchronized void onlyContextOfThisJvm(MergedContextConfiguration configuration) {
      if (started != null && !started.equals(configuration)) {
        throw new IllegalStateException(configuration.getTestClass().getName() + " needs a Spring context other than "
            + started.getTestClass().getName() + "'s, in the same JVM: tag it @Tag(OrchestratorIntegrationTest.OWN_JVM)");
      }
      started = configuration;
    }

    private static synchronized void closed(MergedContextConfiguration configuration) {
      if (configuration.equals(started)) {
        started = null;
      }
    }
  }
}

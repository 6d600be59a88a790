package io.github.securityrelease.cveservices;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.securityrelease.engine.TaskInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.ObjectProvider;

/** What the model's CVE Services delegates share: the client they need, the case's CVE ID, a container's digest. */
final class CveServicesSteps {

  private CveServicesSteps() {}

  /**
   * The client, or a {@link CveServicesException}: the model takes these steps only when
   * {@code ${cveServices.configured()}}, so one without a client is a model or configuration error.
   */
  static CveServicesClient client(ObjectProvider<CveServicesClient> provider, DelegateExecution execution) {
    CveServicesClient client = provider.getIfAvailable();
    if (client == null) {
      throw new CveServicesException(step(execution) + " needs CVE Services, and security-release.cve-services.url "
          + "is not set", null, null);
    }
    return client;
  }

  /** The case's CVE ID, or a {@link CveServicesException} saying it has none. */
  static String cveId(DelegateExecution execution, String name) {
    String cveId = TaskInput.text(execution, name);
    if (cveId == null) {
      throw new CveServicesException(step(execution) + ": the case has no CVE ID (" + name + ")", null, null);
    }
    return cveId;
  }

  /** The SHA-256 of the container as sent (hex): an unchanged advisory gives the same digest. */
  static String digest(JsonNode container) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(container.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has SHA-256", e);
    }
  }

  private static String step(DelegateExecution execution) {
    String name = execution.getCurrentActivityName();
    return (name != null ? name : execution.getCurrentActivityId()) + " of " + execution.getProcessBusinessKey();
  }
}

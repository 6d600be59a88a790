package io.github.securityrelease.metrics;

import static io.github.securityrelease.cases.CaseVariables.PROCESS_KEY;
import static io.github.securityrelease.cases.CaseVariables.STATUS;

import io.github.securityrelease.cases.VulnerabilityStatus;
import io.github.securityrelease.security.EngineIdentity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * {@code security.release.cases.open{status}}: the running cases (instances of
 * {@code vulnerability-handling}) by their {@code status} variable, one gauge per
 * {@link VulnerabilityStatus}. Counted in the engine's database when scraped (one count per
 * status, at most once per {@code security-release.metrics.cache-ttl}), so every node of a
 * cluster shows the same figures.
 */
@Component
class OpenCaseMetrics implements MeterBinder {

  static final String NAME = "security.release.cases.open";

  private final ExpiringValue<Map<VulnerabilityStatus, Long>> counts;

  OpenCaseMetrics(RuntimeService runtimeService, EngineIdentity engineIdentity, MetricsProperties properties) {
    this.counts = new ExpiringValue<>("open cases", properties.cacheTtl(),
        // as the service: the counts are the same whoever scrapes, and need no user's rights
        () -> engineIdentity.runAsService(() -> count(runtimeService)), new EnumMap<>(VulnerabilityStatus.class));
  }

  private static Map<VulnerabilityStatus, Long> count(RuntimeService runtimeService) {
    Map<VulnerabilityStatus, Long> counts = new EnumMap<>(VulnerabilityStatus.class);
    for (VulnerabilityStatus status : VulnerabilityStatus.values()) {
      counts.put(status, runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(PROCESS_KEY)
          .variableValueEquals(STATUS, status.name())
          .count());
    }
    return counts;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (VulnerabilityStatus status : VulnerabilityStatus.values()) {
      Gauge.builder(NAME, counts, value -> value.get().getOrDefault(status, 0L))
          .description("Open cases by status (the whole cluster's, from the database)")
          .tag("status", status.name())
          .register(registry);
    }
  }
}

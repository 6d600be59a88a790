package io.github.securityrelease.advisory;

import static io.github.securityrelease.cases.CaseVariables.CVE_ID;
import static io.github.securityrelease.cases.CaseVariables.STATUS;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.VulnerabilityStatus;
import io.github.securityrelease.security.EngineIdentity;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * R18, R27: the public advisories, read as the service from the cases' history. A case is public
 * once its status is PUBLIC_DISCLOSURE or DISCLOSED and its advisory says so
 * ({@link Advisory#disclosed()}: the embargo is over); only those cases are read at all, found by
 * one query on the status variable, so that nothing of another case (its ID, count or dates)
 * can reach a public page. One CVE ID names one advisory: should two public cases carry it, the
 * later changed one is shown.
 */
@Component
class DisclosedAdvisories implements PublicAdvisories {

  private static final List<String> PUBLIC_STATUSES = List.of(VulnerabilityStatus.PUBLIC_DISCLOSURE.name(),
      VulnerabilityStatus.DISCLOSED.name());

  private static final Comparator<Advisory> NEWEST_FIRST = Comparator.comparing(Advisory::modified).reversed()
      .thenComparing(Advisory::cveId);

  private final Cases cases;
  private final EngineIdentity engineIdentity;

  DisclosedAdvisories(Cases cases, EngineIdentity engineIdentity) {
    this.cases = cases;
    this.engineIdentity = engineIdentity;
  }

  @Override
  public List<Advisory> all() {
    return engineIdentity.runAsService(() -> newestPerCve(PUBLIC_STATUSES.stream()
        .flatMap(status -> cases.withVariable(STATUS, status).stream())));
  }

  @Override
  public Optional<Advisory> find(String cveId) {
    String wanted = cveId.toUpperCase(Locale.ROOT);
    return engineIdentity.runAsService(() -> newestPerCve(cases.withVariable(CVE_ID, wanted).stream()))
        .stream().findFirst();
  }

  private List<Advisory> newestPerCve(Stream<HistoricProcessInstance> candidates) {
    Map<String, Advisory> byCve = candidates.distinct()
        .flatMap(found -> advisory(found).stream())
        .filter(Advisory::disclosed)
        .collect(Collectors.toMap(Advisory::cveId, Function.identity(),
            (one, other) -> NEWEST_FIRST.compare(one, other) <= 0 ? one : other));
    return sorted(byCve.values());
  }

  private Optional<Advisory> advisory(HistoricProcessInstance found) {
    // one read: the advisory's variables hold the status, which must be a public one
    Map<String, Object> variables = cases.variables(found, Advisory.VARIABLES.toArray(String[]::new));
    if (!PUBLIC_STATUSES.contains(String.valueOf(variables.get(STATUS)))
        || variables.get(CVE_ID) == null || variables.get(CVE_ID).toString().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Advisory.from(variables, cases.changes(found, Advisory.VARIABLES)));
  }

  private static List<Advisory> sorted(Collection<Advisory> advisories) {
    return advisories.stream().sorted(NEWEST_FIRST).toList();
  }
}

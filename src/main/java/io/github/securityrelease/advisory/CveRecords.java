package io.github.securityrelease.advisory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.UnknownCaseException;
import io.github.securityrelease.security.EngineIdentity;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * R12, R18: the CNA container of a disclosed case's CVE record, as {@link Cve5Advisory} makes it
 * from the case as it stands, for CVE Services to publish (the {@code cveservices} delegates).
 * Its references hold at least the product's repository, so a record can be published from the
 * first moment of the disclosure; the advisory, release notes and tracking issue join them as
 * the publication steps set them.
 */
@Component
public class CveRecords {

  private final Cases cases;
  private final EngineIdentity engineIdentity;
  private final Cve5Advisory cve5;

  CveRecords(Cases cases, EngineIdentity engineIdentity, Cve5Advisory cve5) {
    this.cases = cases;
    this.engineIdentity = engineIdentity;
    this.cve5 = cve5;
  }

  /**
   * The case's CNA container now.
   *
   * @throws IllegalStateException when the case has no CVE ID or is not disclosed: a record
   *     published before the disclosure would be a leak (R27)
   */
  public ObjectNode cnaContainer(String caseId) {
    HistoricProcessInstance found = engineIdentity.runAsService(() -> cases.find(caseId))
        .orElseThrow(() -> UnknownCaseException.noCase(caseId));
    Map<String, Object> variables = engineIdentity.runAsService(() -> cases.variables(found));
    Advisory advisory;
    try {
      advisory = Advisory.from(variables, engineIdentity.runAsService(() -> cases.changes(found, Advisory.VARIABLES)));
    } catch (IllegalArgumentException noCveId) {
      throw new IllegalStateException(caseId + " has no CVE ID: there is no CVE record to publish (R12)");
    }
    if (!advisory.disclosed()) {
      throw new IllegalStateException(caseId + " is not disclosed: its CVE record is not published before (R27)");
    }
    return cve5.cnaContainer(advisory);
  }
}

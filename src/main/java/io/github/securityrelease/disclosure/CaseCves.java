package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.CVE_ID;
import static io.github.securityrelease.engine.TaskInput.refuse;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.security.EngineIdentity;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * R12: one CVE ID names one case, running or ended. The table {@code case_cve} is the record
 * and settles a race (its primary key); the engine's history finds a case that recorded its ID
 * before the table existed. Both run in the transaction of the task that records the ID, so a
 * refused task leaves no row behind. Public for the forge, where GitHub as CNA assigns the ID.
 */
@Component
public class CaseCves {

  private final JdbcClient jdbc;
  private final HistoryService historyService;
  private final Cases cases;
  private final EngineIdentity engineIdentity;
  private final Clock clock;

  CaseCves(JdbcClient jdbc, HistoryService historyService, Cases cases, EngineIdentity engineIdentity, Clock clock) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.cases = cases;
    this.engineIdentity = engineIdentity;
    this.clock = clock;
  }

  /** Records {@code cveId} as the case's, or refuses it (400 naming {@code cveId}) when another case has it. */
  void record(String cveId, String caseId, String processInstanceId) {
    Optional<String> holder = holder(cveId);
    if (holder.isPresent() && !holder.get().equals(caseId)) {
      throw taken(cveId, holder.get());
    }
    List<String> inHistory = engineIdentity.runAsService(() -> historyService.createHistoricVariableInstanceQuery()
        .variableValueEquals(CVE_ID, cveId).list().stream()
        .map(variable -> variable.getProcessInstanceId())
        .filter(id -> id != null && !id.equals(processInstanceId))
        .toList());
    if (!inHistory.isEmpty()) {
      throw taken(cveId, engineIdentity.runAsService(() -> cases.caseIdOf(inHistory.get(0))).orElse("another case"));
    }
    if (holder.isEmpty()) {
      try {
        jdbc.sql("insert into case_cve (cve_id, case_id, recorded_at) values (:cveId, :caseId, :at)")
            .param("cveId", cveId).param("caseId", caseId).param("at", Timestamp.from(clock.instant()))
            .update();
      } catch (DuplicateKeyException raced) {
        // another case recorded it in the same moment; PostgreSQL allows no further query in this transaction
        throw taken(cveId, "another case");
      }
    }
  }

  /**
   * R12 for an ID that arrives from elsewhere (GitHub as the CNA): the format "Record assigned
   * CVE" checks ({@link CheckCveId#CVE_ID_FORMAT}), an {@link IllegalArgumentException} when
   * it is none, then {@link #record}: refused when another case holds the ID, nothing done when
   * this case recorded it before.
   */
  public void recordAssigned(String cveId, String caseId, String processInstanceId) {
    if (cveId == null || !CheckCveId.CVE_ID_FORMAT.matcher(cveId).matches()) {
      throw new IllegalArgumentException("'" + cveId + "' is not a CVE ID (CVE-YYYY-NNNN: a year from 1999, 4 to 19 digits)");
    }
    record(cveId, caseId, processInstanceId);
  }

  /** The case that recorded {@code cveId}, if one did. */
  Optional<String> holder(String cveId) {
    return jdbc.sql("select case_id from case_cve where cve_id = :cveId").param("cveId", cveId)
        .query(String.class).optional();
  }

  private static RuntimeException taken(String cveId, String caseId) {
    return refuse(CVE_ID, cveId + " names " + caseId + " already: one CVE ID names one case (R12)");
  }
}

package io.github.securityrelease.cveservices;

import static io.github.securityrelease.cases.CaseVariables.CVE_ID;
import static io.github.securityrelease.cases.CaseVariables.CVE_RECORD_DIGEST;
import static io.github.securityrelease.cases.CaseVariables.CVE_RECORD_UPDATED_AT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.advisory.CveRecords;
import io.github.securityrelease.engine.TaskInput;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R12, R18 before a case with a published CVE record ends: the advisory as it is now (the
 * release notes', advisory's and tracking issue's URLs the publication steps set) against what
 * was published, by the container's digest. Changed: the record is updated ({@code PUT}) and
 * {@code cveRecordDigest}, {@code cveRecordUpdatedAt} set; unchanged, or a retry after the
 * update went through: nothing is sent.
 */
@Component("updateCveRecord")
class UpdateCveRecord implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(UpdateCveRecord.class);

  private final ObjectProvider<CveServicesClient> client;
  private final CveRecords records;
  private final Clock clock;

  UpdateCveRecord(ObjectProvider<CveServicesClient> client, CveRecords records, Clock clock) {
    this.client = client;
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CveServicesClient cveServices = CveServicesSteps.client(client, execution);
    String caseId = execution.getProcessBusinessKey();
    String cveId = CveServicesSteps.cveId(execution, CVE_ID);
    ObjectNode container = records.cnaContainer(caseId);
    String digest = CveServicesSteps.digest(container);
    if (digest.equals(TaskInput.text(execution, CVE_RECORD_DIGEST))) {
      log.info("{}: the CVE record of {} is as published", caseId, cveId);
      return;
    }
    cveServices.update(caseId, cveId, container);
    execution.setVariable(CVE_RECORD_DIGEST, digest);
    execution.setVariable(CVE_RECORD_UPDATED_AT, Date.from(clock.instant()));
    log.info("{}: the CVE record of {} updated (container {})", caseId, cveId, digest);
  }
}

package io.github.securityrelease.cveservices;

import static io.github.securityrelease.cases.CaseVariables.CVE_RECORD_DIGEST;
import static io.github.securityrelease.cases.CaseVariables.CVE_RECORD_UPDATED_AT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.advisory.CveRecords;
import io.github.securityrelease.engine.TaskInput;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
class UpdateCveRecord extends CveRecordStep {

  private static final Logger log = LoggerFactory.getLogger(UpdateCveRecord.class);

  UpdateCveRecord(ObjectProvider<CveServicesClient> client, CveRecords records, Clock clock) {
    super(client, records, clock);
  }

  @Override
  void apply(DelegateExecution execution, CveServicesClient cveServices, String cveId, ObjectNode container,
      String digest) {
    String caseId = execution.getProcessBusinessKey();
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

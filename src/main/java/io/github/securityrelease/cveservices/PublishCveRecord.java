package io.github.securityrelease.cveservices;

import static io.github.securityrelease.cases.CaseVariables.CVE_RECORD_DIGEST;
import static io.github.securityrelease.cases.CaseVariables.CVE_RECORD_PUBLISHED_AT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.advisory.CveRecords;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R12, R18 at the public disclosure with CVE Services: the case's CVE record published from its
 * CNA container ({@link CveRecords}); a retry whose first try reached CVE Services updates
 * instead. Sets {@code cveRecordPublishedAt} and {@code cveRecordDigest}, the SHA-256 of what
 * was sent, which {@link UpdateCveRecord} compares with the advisory as it is later.
 */
@Component("publishCveRecord")
class PublishCveRecord extends CveRecordStep {

  private static final Logger log = LoggerFactory.getLogger(PublishCveRecord.class);

  PublishCveRecord(ObjectProvider<CveServicesClient> client, CveRecords records, Clock clock) {
    super(client, records, clock);
  }

  @Override
  void apply(DelegateExecution execution, CveServicesClient cveServices, String cveId, ObjectNode container,
      String digest) {
    String caseId = execution.getProcessBusinessKey();
    cveServices.publish(caseId, cveId, container);
    execution.setVariable(CVE_RECORD_PUBLISHED_AT, Date.from(clock.instant()));
    execution.setVariable(CVE_RECORD_DIGEST, digest);
    log.info("{}: the CVE record of {} published (container {})", caseId, cveId, digest);
  }
}

package io.github.securityrelease.cveservices;

import io.github.securityrelease.cases.OutsideCall;
import io.github.securityrelease.cases.OutsideCalls;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The record of calls to CVE Services ({@code cve_services_call}), one row per HTTP call with
 * its case, kept as {@link OutsideCalls} keeps any outside service's: in a transaction of its
 * own, so that a failed job's rollback keeps what was called.
 */
@Repository
public class CveServicesCalls implements CveServicesCallRecorder {

  private final OutsideCalls calls;

  CveServicesCalls(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.calls = new OutsideCalls(jdbc, transactions, "cve_services_call");
  }

  @Override
  public void record(OutsideCall call) {
    calls.record(call);
  }

  /** The case's calls to CVE Services, oldest first. */
  public List<OutsideCall> findByCase(String caseId) {
    return calls.findByCase(caseId);
  }
}

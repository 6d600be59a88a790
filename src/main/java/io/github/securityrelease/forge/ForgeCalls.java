package io.github.securityrelease.forge;

import io.github.securityrelease.cases.OutsideCall;
import io.github.securityrelease.cases.OutsideCalls;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The record of forge calls ({@code forge_call}): what the service called on the forge for a
 * case, when, and what came back, kept as {@link OutsideCalls} keeps any outside service's
 * calls: each in a transaction of its own, so that a failed job's rollback does not erase what
 * was called. The git steps record theirs here too ({@code git/push}, {@code git/fetch}).
 */
@Repository
public class ForgeCalls implements ForgeCallRecorder {

  private final OutsideCalls calls;

  ForgeCalls(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.calls = new OutsideCalls(jdbc, transactions, "forge_call");
  }

  @Override
  public void record(ForgeCall call) {
    calls.record(new OutsideCall(call.caseId(), call.operation(), call.method(), call.path(), call.status(),
        call.error(), call.calledAt(), call.durationMillis()));
  }

  /** The case's calls, oldest first. */
  public List<ForgeCall> findByCase(String caseId) {
    return calls.findByCase(caseId).stream().map(call -> new ForgeCall(call.caseId(), call.operation(), call.method(),
        call.path(), call.status(), call.error(), call.calledAt(), call.durationMillis())).toList();
  }
}

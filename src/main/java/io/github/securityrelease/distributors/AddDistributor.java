package io.github.securityrelease.distributors;

import static io.github.securityrelease.distributors.ApplicationVariables.*;

import io.github.securityrelease.distributors.DistributorChangeLog.Change;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R25: an application reviewed and vouched for puts the organisation on the list, active,
 * with the time it accepted the embargo policy (its application) and who vouched. It runs as
 * a job, so the change log names no user: the service made the change. The OpenPGP keys it
 * applied with (R14) come along, checked again: one that expired or was revoked since is left out.
 */
@Component("addDistributor")
class AddDistributor implements JavaDelegate {

  private final DistributorRegistry registry;
  private final OpenPgpKeys openPgpKeys;

  AddDistributor(DistributorRegistry registry, OpenPgpKeys openPgpKeys) {
    this.registry = registry;
    this.openPgpKeys = openPgpKeys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DistributorRequest request = new DistributorRequest(
        (String) execution.getVariable(ORGANISATION),
        ApplicationIntake.contacts((String) execution.getVariable(CONTACTS)),
        true,
        ((Date) execution.getVariable(APPLIED_AT)).toInstant(),
        (String) execution.getVariable(VOUCHED_BY));
    List<OpenPgpKey> keys = openPgpKeys.stillAcceptable(OpenPgpKeys.split((byte[]) execution.getVariable(OPENPGP_KEYS)),
        (String) execution.getVariable(APPLICATION_ID));
    execution.setVariable(DISTRIBUTOR_ID, registry.register(request, keys, Change.CREATED).id());
  }
}

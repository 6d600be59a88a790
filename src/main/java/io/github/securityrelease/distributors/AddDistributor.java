package io.github.securityrelease.distributors;

import static io.github.securityrelease.distributors.ApplicationVariables.*;

import io.github.securityrelease.distributors.DistributorChangeLog.Change;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R25: an application reviewed and vouched for puts the organisation on the list, active,
 * with the time it accepted the embargo policy (its application) and who vouched. It runs as
 * a job, so the change log names no user: the service made the change.
 */
@Component("addDistributor")
class AddDistributor implements JavaDelegate {

  private final DistributorRegistry registry;

  AddDistributor(DistributorRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DistributorRequest request = new DistributorRequest(
        (String) execution.getVariable(ORGANISATION),
        ApplicationIntake.contacts((String) execution.getVariable(CONTACTS)),
        true,
        ((Date) execution.getVariable(APPLIED_AT)).toInstant(),
        (String) execution.getVariable(VOUCHED_BY));
    execution.setVariable(DISTRIBUTOR_ID, registry.register(request, Change.CREATED).id());
  }
}

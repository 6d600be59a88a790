package io.github.securityrelease.distributors;

import static io.github.securityrelease.distributors.ApplicationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R26: the team decided to remove the distributor: off the list for good, on record with the
 * decision's reason. Part of the decision's transaction, so the change log names who decided.
 */
@Component("removeDistributor")
class RemoveDistributor implements JavaDelegate {

  private final DistributorRegistry registry;

  RemoveDistributor(DistributorRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(DISTRIBUTOR_ID)).longValue();
    registry.remove(id, (String) execution.getVariable(REMOVAL_DECISION_REASON))
        .orElseThrow(() -> new IllegalStateException("No distributor " + id));
  }
}

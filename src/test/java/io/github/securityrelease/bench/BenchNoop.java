package io.github.securityrelease.bench;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;

/** The engine floor's delegates ({@code ${benchNoop}}): nothing at all. */
public class BenchNoop implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    // the floor: the engine's own work only
  }

  /** master and each release branch of the plan, as the service's collection has them. */
  public List<String> branches(SpinJsonNode releaseBranches) {
    List<String> branches = new ArrayList<>(List.of("master"));
    releaseBranches.elements().forEach(branch -> branches.add(branch.stringValue()));
    return branches;
  }
}

package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.CVE_ID;
import static io.github.securityrelease.engine.TaskInput.requireMatching;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R12 on submit of "Record assigned CVE": the CVE format, and an ID no other case has. The
 * format is the CVE record schema's ({@code CVE-[0-9]{4}-[0-9]{4,19}}) with the year from 1999,
 * the first year of CVE IDs.
 */
@Component("checkCveId")
class CheckCveId implements TaskListener {

  static final Pattern CVE_ID_FORMAT = Pattern.compile("CVE-(1999|[2-9]\\d{3})-\\d{4,19}");

  private final CaseCves cves;

  CheckCveId(CaseCves cves) {
    this.cves = cves;
  }

  @Override
  public void notify(DelegateTask task) {
    String cveId = requireMatching(task, CVE_ID, CVE_ID_FORMAT, "the CVE ID assigned to the case is required",
        value -> "'" + value + "' is not a CVE ID (CVE-YYYY-NNNN: a year from 1999, 4 to 19 digits)");
    cves.record(cveId, task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId());
    task.setVariable(CVE_ID, cveId);
  }
}

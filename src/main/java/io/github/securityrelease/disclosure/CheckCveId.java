package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.CVE_ID;
import static io.github.securityrelease.engine.TaskInput.requireMatching;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** R12: the case's CVE ID has the CVE format: CVE-YYYY-NNNN, four or more digits. */
@Component("checkCveId")
class CheckCveId implements TaskListener {

  static final Pattern CVE_ID_FORMAT = Pattern.compile("CVE-(199\\d|20\\d\\d)-\\d{4,}");

  @Override
  public void notify(DelegateTask task) {
    String cveId = requireMatching(task, CVE_ID, CVE_ID_FORMAT, "the CVE ID assigned to the case is required",
        value -> "'" + value + "' is not a CVE ID (CVE-YYYY-NNNN: a year from 1999, four or more digits)");
    task.setVariable(CVE_ID, cveId);
  }
}

package io.github.securityrelease.assessment;

import static io.github.securityrelease.cases.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R5, R6: the CVSS score of the whole vector and its severity; the team's override, when given,
 * wins and the computed severity stays on record beside it. The vector is stored in canonical
 * form, the base score beside the score. The release track (R11) and the advisories follow
 * {@code severity}, so the score of the whole vector: a 4.0 vector's {@code E:U} lowers both.
 */
@Component("assessSeverity")
class AssessSeverity implements JavaDelegate {

  private final CvssScorer scorer;

  AssessSeverity(CvssScorer scorer) {
    this.scorer = scorer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CvssScorer.CvssResult result = scorer.score((String) execution.getVariable(CVSS_VECTOR));
    String override = (String) execution.getVariable(SEVERITY_OVERRIDE);
    execution.setVariable(CVSS_VECTOR, result.vector());
    execution.setVariable(CVSS_VERSION, result.version());
    execution.setVariable(CVSS_SCORE, result.score());
    execution.setVariable(CVSS_BASE_SCORE, result.baseScore());
    execution.setVariable(COMPUTED_SEVERITY, result.severity().name());
    execution.setVariable(SEVERITY, override != null ? override : result.severity().name());
    execution.setVariable(SEVERITY_OVERRIDDEN, override != null && !override.equals(result.severity().name()));
  }
}

package io.github.securityrelease.release;

import static io.github.securityrelease.cases.CaseVariables.*;
import static io.github.securityrelease.engine.TaskInput.requireOneOf;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * R7: the remediation priority, determined with the remediations. The severity proposes it
 * (a fast-tracked case is urgent, R3); the SIG maintainers and the security team may change it,
 * and what they submit is on the case and in its history.
 */
enum RemediationPriority {
  URGENT, HIGH, NORMAL, LOW;

  /** The priority a case's severity suggests. */
  static RemediationPriority proposed(VariableScope scope) {
    if (Boolean.TRUE.equals(scope.getVariable(FAST_TRACK))) {
      return URGENT;
    }
    Object severity = scope.getVariable(SEVERITY);
    return severity == null ? NORMAL : switch (severity.toString()) {
      case "CRITICAL" -> URGENT;
      case "HIGH" -> HIGH;
      case "MEDIUM" -> NORMAL;
      default -> LOW;
    };
  }

  /** The submitted priority, which must be one of these; kept on the case. */
  static RemediationPriority require(VariableScope scope) {
    RemediationPriority priority = requireOneOf(scope, REMEDIATION_PRIORITY, "the remediation priority is determined (R7)",
        RemediationPriority.class);
    scope.setVariable(REMEDIATION_PRIORITY, priority.name());
    return priority;
  }
}

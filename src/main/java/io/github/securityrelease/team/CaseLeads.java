package io.github.securityrelease.team;

import static io.github.securityrelease.cases.CaseVariables.LOW_SENSITIVITY;
import static io.github.securityrelease.cases.CaseVariables.PUBLICLY_DISCLOSED;
import static io.github.securityrelease.cases.CaseVariables.STATUS;

import io.github.securityrelease.cases.VulnerabilityStatus;
import io.github.securityrelease.security.Groups;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Who may lead a case's security-team work (R24): the security team always; its associates as
 * well once the case is public already (reported as public, or past its public disclosure) or
 * marked low sensitivity at validation. The model asks for each task as it is made
 * ({@code camunda:candidateGroups="${caseLeads.groups(execution)}"}), so that an embargoed
 * case never reaches an associate (R27).
 */
@Component("caseLeads")
public class CaseLeads {

  private static final Set<String> PUBLIC = Set.of(VulnerabilityStatus.PUBLIC_DISCLOSURE.name(),
      VulnerabilityStatus.DISCLOSED.name());

  public List<String> groups(VariableScope caseScope) {
    return groups(caseScope::getVariable);
  }

  /** The same, from the case's variables as an endpoint reads them. */
  public List<String> groups(Map<String, Object> caseVariables) {
    return groups(caseVariables::get);
  }

  private static List<String> groups(Function<String, Object> variable) {
    return associatesMayLead(variable)
        ? List.of(Groups.SECURITY_TEAM, Groups.ASSOCIATES)
        : List.of(Groups.SECURITY_TEAM);
  }

  private static boolean associatesMayLead(Function<String, Object> variable) {
    return Boolean.TRUE.equals(variable.apply(PUBLICLY_DISCLOSED))
        || Boolean.TRUE.equals(variable.apply(LOW_SENSITIVITY))
        || PUBLIC.contains(String.valueOf(variable.apply(STATUS)));
  }
}

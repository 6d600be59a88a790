package io.github.securityrelease.cases;

import static io.github.securityrelease.cases.CaseVariables.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * R15: an embargo break brought before the team ("Assess embargo break"), whoever reports it:
 * a member through the case's API, or a distributor's leak report that names the case (R26).
 * Part of the case contract, so that whoever learns of a break reports it the same way. Works
 * with the caller's rights, as {@link Cases} does.
 */
@Component
public class EmbargoBreaks {

  /** The message of the model that opens "Assess embargo break". */
  private static final String MESSAGE = "EmbargoBroken";

  /** Where a case stands for a break: only an open case not yet public has one to assess. */
  public enum Standing { UNDER_EMBARGO, NO_OPEN_CASE, NOT_UNDER_EMBARGO }

  private final Cases cases;

  EmbargoBreaks(Cases cases) {
    this.cases = cases;
  }

  /**
   * Opens "Assess embargo break" on the case if it is under embargo, with who broke it and how,
   * and who reported it (the case's history keeps them); else says where the case stands.
   */
  public Standing report(String caseId, String brokenBy, String description, String reportedBy) {
    Standing standing = cases.openCase(caseId)
        .map(variables -> underEmbargo(variables) ? Standing.UNDER_EMBARGO : Standing.NOT_UNDER_EMBARGO)
        .orElse(Standing.NO_OPEN_CASE);
    if (standing == Standing.UNDER_EMBARGO) {
      Map<String, Object> message = new HashMap<>();
      message.put(BROKEN_BY, brokenBy);
      message.put(BREAK_DESCRIPTION, description);
      message.put(BREAK_REPORTED_BY, reportedBy);
      cases.correlate(caseId, MESSAGE, message);
    }
    return standing;
  }

  /**
   * R15: a case is under embargo from its report until its public disclosure, with or without
   * a disclosure plan; a rejected report has none left.
   */
  public static boolean underEmbargo(Map<String, Object> variables) {
    return !Set.of("PUBLIC_DISCLOSURE", "DISCLOSED", "REJECTED").contains(variables.get(STATUS));
  }
}

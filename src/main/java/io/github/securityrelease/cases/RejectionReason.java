package io.github.securityrelease.cases;

/**
 * R4: why the team rejects a report, at validation or after acceptance (the words of the
 * validation's outcome), with the reason a rejected CVE ID states in public. That text says no
 * more than the kind of rejection: the team's explanation goes to the reporter alone (R27).
 */
public enum RejectionReason {
  NOT_A_VULNERABILITY("Further investigation showed that it was not a security issue."),
  DUPLICATE("It duplicates another report of the same issue."),
  /** It belongs to an upstream project with its own process. */
  UPSTREAM("The issue belongs to an upstream project, which handles it under its own process.");

  private final String why;

  RejectionReason(String why) {
    this.why = why;
  }

  /** R12: the reason a rejected CVE ID gives, in English. */
  public String cveReason() {
    return "This candidate was withdrawn by its CNA. " + why;
  }
}

package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.ADVISORY_URL;
import static io.github.securityrelease.cases.CaseVariables.BINARIES_LOCATION;
import static io.github.securityrelease.cases.CaseVariables.PUBLIC_DISCLOSURE_AT;
import static io.github.securityrelease.cases.CaseVariables.RELEASE_NOTES_URL;
import static io.github.securityrelease.cases.CaseVariables.TRACKING_ISSUE_TITLE;
import static io.github.securityrelease.cases.CaseVariables.TRACKING_ISSUE_URL;

import io.github.securityrelease.cases.CaseVariables;
import io.github.securityrelease.forge.GitHub.Issue;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R18: the tracking issue "prefixed with the associated CVE ID", titled {@code trackingIssueTitle}
 * ({@code <CVE ID>: <title>}), whose body is the public announcement as its mail says it. A
 * retry finds the issue among those updated since the day before the planned disclosure
 * instead of opening a second. Sets {@code trackingIssueUrl}.
 */
@Component("openTrackingIssue")
class OpenTrackingIssue implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(OpenTrackingIssue.class);

  private final ObjectProvider<GitHub> gitHub;
  private final CaseMail mail;

  OpenTrackingIssue(ObjectProvider<GitHub> gitHub, CaseMail mail) {
    this.gitHub = gitHub;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GitHub github = ForgeSteps.gitHub(gitHub, execution);
    String caseId = execution.getProcessBusinessKey();
    String title = ForgeSteps.required(execution, TRACKING_ISSUE_TITLE, "tracking issue title");
    Instant disclosure = CaseVariables.instant(execution.getVariable(PUBLIC_DISCLOSURE_AT));
    if (disclosure == null) {
      throw new ForgeException(caseId + " has no public disclosure date (" + PUBLIC_DISCLOSURE_AT
          + ") to look for its tracking issue from");
    }
    String announcement = mail.text(NotificationKind.PUBLIC_ANNOUNCEMENT, execution, notYetSet(execution));
    Issue issue = github.findOrOpenIssue(caseId, title, announcement, disclosure.minus(Duration.ofDays(1)));
    execution.setVariable(TRACKING_ISSUE_URL, issue.htmlUrl());
    log.info("{}: tracking issue #{} '{}'", caseId, issue.number(), title);
  }

  /**
   * The links the announcement shows: the model opens the issue after the release notes and the
   * advisory, so those are set; a case without one (published by hand, say) shows none, and the
   * issue names itself "this issue" (a template refuses a name it lacks).
   */
  private static Map<String, Object> notYetSet(DelegateExecution execution) {
    Map<String, Object> links = new HashMap<>();
    for (String link : List.of(RELEASE_NOTES_URL, ADVISORY_URL, BINARIES_LOCATION)) {
      if (execution.getVariable(link) == null) {
        links.put(link, "");
      }
    }
    links.put(TRACKING_ISSUE_URL, "this issue");
    return links;
  }
}

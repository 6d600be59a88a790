package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import com.samskivert.mustache.Template;
import io.github.securityrelease.notification.MailTemplates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R18: a draft of the release notes with the fix details, and the tracking issue's title. */
@Component("draftReleaseNotes")
class DraftReleaseNotes implements JavaDelegate {

  private final Template notes = MailTemplates.compile("templates/notes/release-notes.mustache");

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(RELEASE_NOTES_DRAFT, notes.execute(execution.getVariables()));
    execution.setVariable(TRACKING_ISSUE_TITLE, execution.getVariable(CVE_ID) + ": " + execution.getVariable(TITLE));
  }
}

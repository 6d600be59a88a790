package io.github.securityrelease.disclosure;

import static io.github.securityrelease.CaseVariables.*;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** R18: a draft of the release notes with the fix details, and the tracking issue's title. */
@Component("draftReleaseNotes")
class DraftReleaseNotes implements JavaDelegate {

  private final Template notes;

  DraftReleaseNotes() {
    try (InputStreamReader reader = new InputStreamReader(
        new ClassPathResource("templates/notes/release-notes.mustache").getInputStream(), StandardCharsets.UTF_8)) {
      notes = Mustache.compiler().escapeHTML(false).nullValue("").emptyStringIsFalse(true).compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(RELEASE_NOTES_DRAFT, notes.execute(execution.getVariables()));
    execution.setVariable(TRACKING_ISSUE_TITLE, execution.getVariable(CVE_ID) + ": " + execution.getVariable(TITLE));
  }
}

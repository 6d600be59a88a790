package io.github.securityrelease.forge;

import static io.github.securityrelease.forge.Executions.CASE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.securityrelease.forge.GitHub.Issue;
import io.github.securityrelease.forge.GitHub.Release;
import io.github.securityrelease.forge.GitHub.RepositoryAdvisory;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** R18 on the forge: the release notes in each release, the tracking issue, the published advisory. */
class PublicationDelegatesTest {

  private static final String NOTES = "## Security\n\nCVE-2025-1234: a path traversal in the parser. Thanks to Ada.";
  private static final String V062 = "https://github.com/octo/widget/releases/tag/v0.6.2";

  private final GitHub gitHub = mock(GitHub.class);
  private final Map<String, Object> variables = new HashMap<>(Map.of("cveId", "CVE-2025-1234",
      "releaseNotesDraft", NOTES, "releaseVersions", "v0.6.2, v0.5.4",
      "trackingIssueTitle", "CVE-2025-1234: Path traversal in the parser",
      "publicDisclosureAt", "2025-06-10T12:00:00+02:00"));

  @Test
  @DisplayName("R18 the release notes go into each fixed release's body, below what the release says already")
  void notesWrittenIntoEachRelease() {
    releases("Bug fixes.\n", "");

    write();

    assertThat(body(1)).isEqualTo("Bug fixes.\n\n<!-- security-release CVE-2025-1234 -->\n" + NOTES
        + "\n<!-- /security-release -->");
    assertThat(body(2)).isEqualTo("<!-- security-release CVE-2025-1234 -->\n" + NOTES + "\n<!-- /security-release -->");
    assertThat(variables).containsEntry("releaseNotesUrl", V062);
  }

  @Test
  @DisplayName("R18 a retry replaces the section it wrote before instead of adding a second, and leaves an unchanged body alone")
  void retryReplacesTheSection() {
    String before = "Bug fixes.\n\n<!-- security-release CVE-2025-1234 -->\nan older draft\n<!-- /security-release -->"
        + "\n\n<!-- security-release CVE-2025-9999 -->\nanother case's notes\n<!-- /security-release -->\n";
    String done = "<!-- security-release CVE-2025-1234 -->\n" + NOTES + "\n<!-- /security-release -->";
    releases(before, done);

    write();

    assertThat(body(1)).isEqualTo("Bug fixes.\n\n" + done
        + "\n\n<!-- security-release CVE-2025-9999 -->\nanother case's notes\n<!-- /security-release -->\n");
    assertThat(body(1).split("security-release CVE-2025-1234", -1)).hasSize(2);
    verify(gitHub, never()).updateReleaseBody(CASE_ID, 2, done);
  }

  @Test
  @DisplayName("R18 a fixed release missing on GitHub fails the step naming its tag, for the retries and then an incident")
  void missingReleaseFails() {
    when(gitHub.releaseByTag(CASE_ID, "v0.6.2")).thenReturn(Optional.empty());

    assertThatThrownBy(this::write).isInstanceOf(ForgeException.class).hasMessageContaining("no release of tag v0.6.2");
    verify(gitHub, never()).updateReleaseBody(anyString(), anyLong(), anyString());
  }

  @Test
  @DisplayName("R18 the tracking issue is titled with the CVE ID, carries the announcement and is looked for from the day before the disclosure")
  void trackingIssue() {
    CaseMail mail = mock(CaseMail.class);
    DelegateExecution execution = Executions.of(variables);
    variables.put("releaseNotesUrl", V062);
    when(mail.text(NotificationKind.PUBLIC_ANNOUNCEMENT, execution,
        Map.of("advisoryUrl", "", "trackingIssueUrl", "this issue", "binariesLocation", "")))
        .thenReturn("A security vulnerability has been fixed");
    Issue issue = new Issue(42, "https://github.com/octo/widget/issues/42", "CVE-2025-1234: Path traversal in the parser");
    Instant since = Instant.parse("2025-06-09T10:00:00Z");
    when(gitHub.findOrOpenIssue(CASE_ID, issue.title(), "A security vulnerability has been fixed", since)).thenReturn(issue);
    OpenTrackingIssue open = new OpenTrackingIssue(Executions.provider(gitHub), mail);

    open.execute(execution);
    variables.remove("trackingIssueUrl");
    open.execute(execution);

    // the retry asks for the same title from the same day: the client finds the issue it opened
    verify(gitHub, times(2)).findOrOpenIssue(CASE_ID, issue.title(), "A security vulnerability has been fixed", since);
    assertThat(variables).containsEntry("trackingIssueUrl", "https://github.com/octo/widget/issues/42");
  }

  @Test
  @DisplayName("R18 the repository advisory is published and its page becomes the case's advisory URL")
  void advisoryPublished() {
    variables.put("ghsaId", "GHSA-abcd-efgh-ijkm");
    when(gitHub.publishAdvisory(CASE_ID, "GHSA-abcd-efgh-ijkm")).thenReturn(new RepositoryAdvisory("GHSA-abcd-efgh-ijkm",
        "https://github.com/octo/widget/security/advisories/GHSA-abcd-efgh-ijkm", "published", "CVE-2025-1234"));

    new PublishRepositoryAdvisory(Executions.provider(gitHub)).execute(Executions.of(variables));

    assertThat(variables).containsEntry("advisoryUrl",
        "https://github.com/octo/widget/security/advisories/GHSA-abcd-efgh-ijkm");
  }

  @Test
  @DisplayName("R18 a case without a repository advisory cannot publish one: a ForgeException says so")
  void noAdvisoryToPublish() {
    assertThatThrownBy(() -> new PublishRepositoryAdvisory(Executions.provider(gitHub)).execute(Executions.of(variables)))
        .isInstanceOf(ForgeException.class).hasMessageContaining("has no repository advisory");
  }

  private void write() {
    new WriteReleaseNotes(Executions.provider(gitHub), Executions.forge("{version}", false))
        .execute(Executions.of(variables));
  }

  private void releases(String bodyOf062, String bodyOf054) {
    when(gitHub.releaseByTag(CASE_ID, "v0.6.2")).thenReturn(Optional.of(new Release(1, "v0.6.2", V062, bodyOf062, List.of())));
    when(gitHub.releaseByTag(CASE_ID, "v0.5.4")).thenReturn(Optional.of(
        new Release(2, "v0.5.4", "https://github.com/octo/widget/releases/tag/v0.5.4", bodyOf054, List.of())));
  }

  private String body(long releaseId) {
    ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
    verify(gitHub).updateReleaseBody(eq(CASE_ID), eq(releaseId), body.capture());
    return body.getValue();
  }
}

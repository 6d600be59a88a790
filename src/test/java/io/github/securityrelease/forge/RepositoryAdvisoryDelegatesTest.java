package io.github.securityrelease.forge;

import static io.github.securityrelease.forge.Executions.CASE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.securityrelease.advisory.AdvisoryProperties;
import io.github.securityrelease.disclosure.CaseCves;
import io.github.securityrelease.forge.GitHub.AdvisoryDraft;
import io.github.securityrelease.forge.GitHub.RepositoryAdvisory;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R12 on the forge: the repository advisory at "Launch CVE procedure", the CVE ID GitHub assigns, and its closing at a rejection (R4). */
class RepositoryAdvisoryDelegatesTest {

  private static final String GHSA = "GHSA-abcd-efgh-ijkm";
  private static final String PAGE = "https://github.com/octo/widget/security/advisories/" + GHSA;
  private static final AdvisoryProperties PRODUCT = new AdvisoryProperties("github.com/octo/widget", "Go", "octo",
      "widget", null, URI.create("https://github.com/octo/widget"), "x_WIDGET");

  private final GitHub gitHub = mock(GitHub.class);
  private final CaseCves cves = mock(CaseCves.class);
  private final Map<String, Object> variables = new HashMap<>(Map.of("title", "Path traversal in the parser",
      "impactDescription", "A crafted archive writes outside the target directory.", "credit", "Ada Lovelace",
      "affectedVersions", "v0.5.0 - v0.6.1", "cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));

  @Test
  @DisplayName("R12 the draft advisory is made from the case, its page is the CVE request, and without GitHub as CNA no CVE is requested")
  void advisoryOpened() {
    AdvisoryDraft expected = new AdvisoryDraft("Path traversal in the parser",
        "A crafted archive writes outside the target directory.\n\nCredit: Ada Lovelace", "Go", "github.com/octo/widget",
        ">= 0.5.0, <= 0.6.1", null, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", List.of(), null);
    when(gitHub.findOrCreateAdvisory(CASE_ID, expected)).thenReturn(new RepositoryAdvisory(GHSA, PAGE, "draft", null));

    open(false);

    assertThat(variables).containsEntry("ghsaId", GHSA).containsEntry("cveRequestReference", PAGE);
    verify(gitHub, never()).requestCve(anyString(), anyString());
  }

  @Test
  @DisplayName("R12 with GitHub as the project's CNA the CVE ID is requested through the advisory")
  void cveRequested() {
    variables.remove("credit");
    variables.put("releaseVersions", "v0.6.2");
    variables.put("affectedVersions", "< 0.6.2");
    AdvisoryDraft expected = new AdvisoryDraft("Path traversal in the parser",
        "A crafted archive writes outside the target directory.", "Go", "github.com/octo/widget", "< 0.6.2", "v0.6.2",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", List.of(), null);
    when(gitHub.findOrCreateAdvisory(CASE_ID, expected)).thenReturn(new RepositoryAdvisory(GHSA, PAGE, "draft", null));

    open(true);

    verify(gitHub).requestCve(CASE_ID, GHSA);
  }

  @Test
  @DisplayName("R12 no CVE ID on the advisory yet: cveAssigned is false and the case keeps none")
  void cveNotYet() {
    variables.put("ghsaId", GHSA);
    when(gitHub.advisory(CASE_ID, GHSA)).thenReturn(new RepositoryAdvisory(GHSA, PAGE, "draft", null));

    check();

    assertThat(variables).containsEntry("cveAssigned", false).doesNotContainKey("cveId");
    verify(cves, never()).recordAssigned(any(), any(), any());
  }

  @Test
  @DisplayName("R12 the CVE ID GitHub assigned is checked and recorded as the case's, as Record assigned CVE does")
  void cveAssigned() {
    variables.put("ghsaId", GHSA);
    when(gitHub.advisory(CASE_ID, GHSA)).thenReturn(new RepositoryAdvisory(GHSA, PAGE, "draft", "CVE-2025-1234"));

    check();

    assertThat(variables).containsEntry("cveAssigned", true).containsEntry("cveId", "CVE-2025-1234");
    verify(cves).recordAssigned("CVE-2025-1234", CASE_ID, "pi-7");
  }

  @Test
  @DisplayName("R12 an ID that is no CVE ID fails the step and the case keeps none")
  void notACveId() {
    variables.put("ghsaId", GHSA);
    when(gitHub.advisory(CASE_ID, GHSA)).thenReturn(new RepositoryAdvisory(GHSA, PAGE, "draft", "CVE-1998-1"));
    doThrow(new IllegalArgumentException("'CVE-1998-1' is not a CVE ID")).when(cves)
        .recordAssigned("CVE-1998-1", CASE_ID, "pi-7");

    assertThatThrownBy(this::check).isInstanceOf(ForgeException.class).hasMessageContaining("'CVE-1998-1' is not a CVE ID");
    assertThat(variables).doesNotContainKeys("cveId", "cveAssigned");
  }

  @Test
  @DisplayName("R4 R12 a case rejected after acceptance has its draft advisory closed; without one the step fails saying so")
  void advisoryClosed() {
    when(gitHub.closeAdvisory(CASE_ID, GHSA)).thenReturn(new RepositoryAdvisory(GHSA, PAGE, "closed", null));
    variables.put("ghsaId", GHSA);

    new CloseRepositoryAdvisory(Executions.provider(gitHub)).execute(Executions.of(variables));

    verify(gitHub).closeAdvisory(CASE_ID, GHSA);
    variables.remove("ghsaId");
    assertThatThrownBy(() -> new CloseRepositoryAdvisory(Executions.provider(gitHub)).execute(Executions.of(variables)))
        .isInstanceOf(ForgeException.class).hasMessageContaining("ghsaId");
  }

  private void open(boolean cna) {
    new OpenRepositoryAdvisory(Executions.provider(gitHub), Executions.forge("{version}", cna), PRODUCT).execute(Executions.of(variables));
  }

  private void check() {
    new CheckCveAssigned(Executions.provider(gitHub), cves).execute(Executions.of(variables));
  }
}

package io.github.securityrelease.cveservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.advisory.CveRecords;
import io.github.securityrelease.disclosure.CaseCves;
import io.github.securityrelease.forge.ForgeProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/** R12, R18 with CVE Services: the model's delegates that reserve the CVE ID and publish and update its record. */
class CveServicesDelegatesTest {

  private static final String CASE_ID = "SEC-2026-0007";
  private static final String CVE_ID = "CVE-2026-40001";
  private static final Instant NOW = Instant.parse("2027-01-04T09:00:00Z");

  private final CveServicesClient client = mock(CveServicesClient.class);
  private final CaseCves cves = mock(CaseCves.class);
  private final CveRecords records = mock(CveRecords.class);
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Map<String, Object> variables = new HashMap<>();
  private final DelegateExecution execution = execution(variables);

  @Test
  @DisplayName("R12 'Reserve CVE ID' reserves one ID of the year the case was reported, checks and records it as a typed one, and sets it")
  void reserves() {
    variables.put("reportedAt", Date.from(Instant.parse("2026-12-30T23:00:00Z")));
    when(client.reserve(CASE_ID, 2026)).thenReturn(CVE_ID);

    new ReserveCveId(provider(client), cves, clock).execute(execution);

    verify(cves).recordAssigned(CVE_ID, CASE_ID, "pi-7");
    assertThat(variables).containsEntry("cveId", CVE_ID);
  }

  @Test
  @DisplayName("R12 an ID the case cannot take (another case holds it, or no CVE ID) fails the job and is not set")
  void refusesAnIdItCannotRecord() {
    when(client.reserve(CASE_ID, 2027)).thenReturn("CVE-2027-1");
    doThrow(new IllegalArgumentException("'CVE-2027-1' is not a CVE ID")).when(cves).recordAssigned(anyString(),
        anyString(), anyString());

    assertThatThrownBy(() -> new ReserveCveId(provider(client), cves, clock).execute(execution))
        .isInstanceOf(CveServicesException.class).hasMessageContaining(CASE_ID).hasMessageContaining("CVE-2027-1");
    assertThat(variables).doesNotContainKey("cveId");
  }

  @Test
  @DisplayName("R12 R18 'Publish CVE record' publishes the case's CNA container and records when, and the digest of what was sent")
  void publishes() {
    variables.put("cveId", CVE_ID);
    ObjectNode container = container("https://example.org/advisory");
    when(records.cnaContainer(CASE_ID)).thenReturn(container);

    new PublishCveRecord(provider(client), records, clock).execute(execution);

    verify(client).publish(CASE_ID, CVE_ID, container);
    assertThat(variables).containsEntry("cveRecordPublishedAt", Date.from(NOW))
        .containsEntry("cveRecordDigest", CveServicesSteps.digest(container));
    assertThat((String) variables.get("cveRecordDigest")).matches("[0-9a-f]{64}");
  }

  @Test
  @DisplayName("R12 R18 a publication CVE Services refuses sets nothing: the job fails, retries, then an incident")
  void refusedPublicationSetsNothing() {
    variables.put("cveId", CVE_ID);
    when(records.cnaContainer(CASE_ID)).thenReturn(container("https://example.org/advisory"));
    doThrow(new CveServicesException("CVE Services refused cveCnaCreateSingle", 400, "BAD_INPUT")).when(client)
        .publish(anyString(), anyString(), any());

    assertThatThrownBy(() -> new PublishCveRecord(provider(client), records, clock).execute(execution))
        .isInstanceOf(CveServicesException.class);
    assertThat(variables).doesNotContainKeys("cveRecordPublishedAt", "cveRecordDigest");
  }

  @Test
  @DisplayName("R18 'Update CVE record': the advisory unchanged since the publication (or a retry after the update) sends nothing")
  void unchangedSendsNothing() {
    ObjectNode container = container("https://example.org/advisory");
    variables.putAll(Map.of("cveId", CVE_ID, "cveRecordDigest", CveServicesSteps.digest(container)));
    when(records.cnaContainer(CASE_ID)).thenReturn(container);

    new UpdateCveRecord(provider(client), records, clock).execute(execution);

    verify(client, never()).update(anyString(), anyString(), any());
    assertThat(variables).doesNotContainKey("cveRecordUpdatedAt");
  }

  @Test
  @DisplayName("R18 'Update CVE record': an advisory changed after the publication (a URL the publication set) updates the record once")
  void changedUpdates() {
    variables.putAll(Map.of("cveId", CVE_ID,
        "cveRecordDigest", CveServicesSteps.digest(container("https://example.org/advisory"))));
    ObjectNode changed = container("https://example.org/advisory-v2");
    when(records.cnaContainer(CASE_ID)).thenReturn(changed);

    new UpdateCveRecord(provider(client), records, clock).execute(execution);
    new UpdateCveRecord(provider(client), records, clock).execute(execution);

    verify(client).update(CASE_ID, CVE_ID, changed);
    assertThat(variables).containsEntry("cveRecordDigest", CveServicesSteps.digest(changed))
        .containsEntry("cveRecordUpdatedAt", Date.from(NOW));
  }

  @Test
  @DisplayName("R12 a step of CVE Services without its client (the url unset) fails naming the key, and the case without a CVE ID fails naming it")
  void needsTheClientAndTheCveId() {
    assertThatThrownBy(() -> new ReserveCveId(provider(null), cves, clock).execute(execution))
        .isInstanceOf(CveServicesException.class).hasMessageContaining("security-release.cve-services.url");
    assertThatThrownBy(() -> new PublishCveRecord(provider(client), records, clock).execute(execution))
        .isInstanceOf(CveServicesException.class).hasMessageContaining("no CVE ID (cveId)");
  }

  @Test
  @DisplayName("R12 one CNA: CVE Services set together with GitHub as the CNA stops the start, naming both keys")
  void oneCna() {
    CveServicesProperties set = new CveServicesProperties(URI.create("https://cveawg-test.example/api"), "kurator",
        "kurator-bot", "a-key");
    assertThatThrownBy(() -> new CveServices(set, forge(true)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("security-release.cve-services.url").hasMessageContaining("security-release.forge.cna");
    assertThat(new CveServices(set, forge(false)).configured()).isTrue();
    assertThat(new CveServices(new CveServicesProperties(null, null, null, null), forge(true)).configured()).isFalse();
  }

  private static ObjectNode container(String advisoryUrl) {
    ObjectNode cna = JsonNodeFactory.instance.objectNode().put("title", "Token leak");
    cna.putArray("references").addObject().put("url", advisoryUrl);
    return cna;
  }

  private static ForgeProperties forge(boolean cna) {
    return new ForgeProperties(URI.create("https://api.github.com"), "octo/widget", "not-a-real-token",
        "https://github.com/octo/widget-private.git", "https://github.com/octo/widget.git", null, "master", null,
        "bot", "bot@localhost", "{version}", Duration.ofMinutes(15), cna);
  }

  @SuppressWarnings("unchecked")
  private static ObjectProvider<CveServicesClient> provider(CveServicesClient client) {
    ObjectProvider<CveServicesClient> provider = mock(ObjectProvider.class);
    lenient().when(provider.getIfAvailable()).thenReturn(client);
    return provider;
  }

  private static DelegateExecution execution(Map<String, Object> variables) {
    DelegateExecution execution = mock(DelegateExecution.class);
    lenient().when(execution.getProcessBusinessKey()).thenReturn(CASE_ID);
    lenient().when(execution.getProcessInstanceId()).thenReturn("pi-7");
    lenient().when(execution.getCurrentActivityName()).thenReturn("the step");
    lenient().when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    lenient().doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
        .when(execution).setVariable(anyString(), any());
    return execution;
  }
}

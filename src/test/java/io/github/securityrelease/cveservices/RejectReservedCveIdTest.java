package io.github.securityrelease.cveservices;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.securityrelease.cases.OutsideCall;
import io.github.securityrelease.cases.RejectionReason;
import io.github.securityrelease.cveservices.CveIdReservations.Reservation;
import io.github.securityrelease.cveservices.contract.CveServicesFake;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** "Reject reserved CVE ID" with the real client against the fake, held to CVE Services' description. */
class RejectReservedCveIdTest {

  private static final String CASE = "SEC-2026-0042";
  private static final String CVE_ID = "CVE-2026-1234";
  private static final String EXPLANATION = "Same as SEC-2026-0040, which is still under embargo.";

  @RegisterExtension final CveServicesFake fake = new CveServicesFake();

  private final List<OutsideCall> calls = new CopyOnWriteArrayList<>();
  private final CveIdReservations reservations = mock(CveIdReservations.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);

  @Test
  @DisplayName("R4 R12 a rejected case's reserved CVE ID is rejected at CVE Services with the rejection's public reason, never the team's explanation")
  void rejectsTheReservedId() {
    reserved(CVE_ID);
    rejected(RejectionReason.DUPLICATE);
    fake.stub(get(urlPathEqualTo("/api/cve-id/" + CVE_ID)).willReturn(okJson("""
        {"cve_id":"%s","cve_year":"2026","owning_cna":"acme","state":"RESERVED",
         "requested_by":{"cna":"acme","user":"bot@acme.example"},"reserved":"2026-12-01T09:00:00.000Z"}"""
        .formatted(CVE_ID))));
    fake.stub(post(urlPathEqualTo("/api/cve/" + CVE_ID + "/reject")).willReturn(okJson(
        "{\"message\":\"rejected\",\"created\":{\"containers\":{\"cna\":{\"rejectedReasons\":[{\"lang\":\"en\","
            + "\"value\":\"withdrawn\"}]}}}}")));
    RejectReservedCveId step = step(true);

    assertThat(step.reserved(execution)).isTrue();
    step.execute(execution);

    fake.server().verify(postRequestedFor(urlPathEqualTo("/api/cve/" + CVE_ID + "/reject")).withRequestBody(equalToJson(
        "{\"cnaContainer\":{\"rejectedReasons\":[{\"lang\":\"en\",\"value\":\""
            + RejectionReason.DUPLICATE.cveReason() + "\"}]}}")));
    assertThat(fake.server().getAllServeEvents()).allSatisfy(event ->
        assertThat(event.getRequest().getBodyAsString()).doesNotContain("SEC-2026-0040"));
    assertThat(calls).extracting(OutsideCall::operation).containsExactly("cveIdGetSingle", "cveCnaCreateReject");
    assertThat(calls).allSatisfy(call -> assertThat(call.caseId()).isEqualTo(CASE));
  }

  @Test
  @DisplayName("R12 nothing to reject without CVE Services configured, without a reservation, or with an attempt whose ID never came back")
  void nothingToReject() {
    when(execution.getProcessBusinessKey()).thenReturn(CASE);
    when(reservations.find(CASE)).thenReturn(Optional.empty());
    assertThat(step(true).reserved(execution)).isFalse();
    when(reservations.find(CASE)).thenReturn(Optional.of(new Reservation(CASE, 2026, Instant.now(), null)));
    assertThat(step(true).reserved(execution)).isFalse();
    reserved(CVE_ID);
    assertThat(step(false).reserved(execution)).as("no client: CVE Services not configured").isFalse();
    assertThatThrownBy(() -> step(false).execute(execution)).hasMessageContaining("security-release.cve-services.url");
    assertThat(fake.server().getAllServeEvents()).isEmpty();
  }

  private void reserved(String cveId) {
    when(execution.getProcessBusinessKey()).thenReturn(CASE);
    when(reservations.find(CASE)).thenReturn(Optional.of(new Reservation(CASE, 2026, Instant.now(), cveId)));
  }

  private void rejected(RejectionReason reason) {
    when(execution.getVariable("rejection")).thenReturn(reason.name());
    when(execution.getVariable("rejectionReason")).thenReturn(EXPLANATION);
  }

  private RejectReservedCveId step(boolean configured) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (configured) {
      CveServicesProperties properties = new CveServicesProperties(URI.create(fake.apiUrl()), "acme",
          "bot@acme.example", "cve-api-key-not-shown");
      beans.addBean("cveServicesClient", new CveServicesClient(properties, calls::add, reservations,
          Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC)));
    }
    return new RejectReservedCveId(beans.getBeanProvider(CveServicesClient.class), reservations);
  }
}

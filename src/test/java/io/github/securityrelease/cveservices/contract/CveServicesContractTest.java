package io.github.securityrelease.cveservices.contract;

import static io.github.securityrelease.cveservices.contract.CveServicesContract.cveServices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract itself: what CVE Services takes and gives passes it, what it would refuse or never give fails it. */
class CveServicesContractTest {

  private static final Map<String, String> HEADERS = Map.of(
      "CVE-API-ORG", "acme", "CVE-API-USER", "bot@acme.example", "CVE-API-KEY", "test-key",
      "Content-Type", "application/json");

  private static final String CNA = """
      {"cnaContainer":{"providerMetadata":{"orgId":"b3476cb9-2e3d-41a6-98d0-0f47421a65b6","shortName":"acme"},
       "title":"Path traversal in widget",
       "descriptions":[{"lang":"en","value":"Widget before 1.2.4 lets a user read any file."}],
       "affected":[{"vendor":"acme","product":"widget","versions":[{"version":"1.2.0","lessThan":"1.2.4",
         "status":"affected","versionType":"semver"}],"defaultStatus":"unaffected"}],
       "references":[{"url":"https://github.com/acme/widget/security/advisories/GHSA-xxxx-xxxx-xxxx"}]}}""";

  @Test
  @DisplayName("the kept description has every operation issue 20 needs")
  void keepsTheOperationsOfIssue20() {
    assertThat(cveServices().operationIds()).containsExactlyInAnyOrder("cveIdReserve", "cveIdGetFiltered",
        "cveIdGetSingle", "cveCnaCreateSingle", "cveCnaUpdateSingle", "cveCnaCreateReject", "cveCnaUpdateReject", "orgSingle");
    assertThat(cveServices().basePath()).isEqualTo("/api");
  }

  @Test
  @DisplayName("requests as CVE Services takes them pass: reserve, list reserved, publish, update, reject")
  void validRequestsPass() {
    assertThat(cveServices().requestViolations("POST", "/api/cve-id?amount=1&cve_year=2026&short_name=acme",
        HEADERS, null)).isEmpty();
    assertThat(cveServices().requestViolations("GET",
        "/api/cve-id?state=RESERVED&cve_id_year=2026&time_reserved.gt=2026-12-02T12%3A00%3A00Z&page=1",
        HEADERS, null)).isEmpty();
    assertThat(cveServices().requestViolations("POST", "/api/cve/CVE-2026-1234/cna", HEADERS, CNA)).isEmpty();
    assertThat(cveServices().requestViolations("PUT", "/api/cve/CVE-2026-1234/cna", HEADERS, CNA)).isEmpty();
    assertThat(cveServices().requestViolations("POST", "/api/cve/CVE-2026-1234/reject", HEADERS,
        "{\"cnaContainer\":{\"rejectedReasons\":[{\"lang\":\"en\",\"value\":\"Not a vulnerability.\"}]}}")).isEmpty();
  }

  @Test
  @DisplayName("a request CVE Services would refuse fails: no key, no year, a CNA container without descriptions")
  void refusedRequestsFail() {
    assertThat(cveServices().requestViolations("POST", "/api/cve-id?amount=1&cve_year=2026&short_name=acme",
        Map.of("CVE-API-ORG", "acme", "CVE-API-USER", "bot@acme.example"), null))
        .singleElement().asString().contains("cveIdReserve", "required header 'CVE-API-KEY' is missing");
    assertThat(cveServices().requestViolations("POST", "/api/cve-id?amount=1&short_name=acme", HEADERS, null))
        .singleElement().asString().contains("required query parameter 'cve_year'");
    assertThat(cveServices().requestViolations("POST", "/api/cve-id?amount=one&cve_year=2026&short_name=acme",
        HEADERS, null)).singleElement().asString().contains("amount");
    assertThat(cveServices().requestViolations("POST", "/api/cve/CVE-2026-1234/cna", HEADERS,
        "{\"cnaContainer\":{\"affected\":[],\"references\":[]}}")).isNotEmpty()
        .anySatisfy(v -> assertThat(v).contains("cveCnaCreateSingle", "descriptions"));
    assertThat(cveServices().requestViolations("POST", "/api/cve/CVE-2026-1234/reject", HEADERS,
        "{\"cnaContainer\":{}}")).singleElement().asString().contains("rejectedReasons");
    assertThat(cveServices().requestViolations("POST", "/cve-id?amount=1&cve_year=2026&short_name=acme", HEADERS,
        null)).singleElement().asString().contains("no such operation in CVE Services' description");
  }

  @Test
  @DisplayName("answers are held to the description: a reserved ID's state is one it names, statuses are its own")
  void answersAreChecked() {
    assertThat(cveServices().responseViolations("POST", "/api/cve-id?amount=1", 200, """
        {"cve_ids":[{"cve_id":"CVE-2026-1234","cve_year":"2026","owning_cna":"acme","state":"RESERVED",
          "requested_by":{"cna":"acme","user":"bot@acme.example"},"reserved":"2026-12-02T12:00:00.000Z"}],
         "meta":{"remaining_quota":9}}""")).isEmpty();
    assertThat(cveServices().responseViolations("POST", "/api/cve-id", 200,
        "{\"cve_ids\":[{\"cve_id\":\"CVE-2026-1234\",\"state\":\"ASSIGNED\"}]}"))
        .singleElement().asString().contains("state");
    assertThat(cveServices().responseViolations("POST", "/api/cve-id", 201, "{}"))
        .singleElement().asString().contains("status 201 is not in CVE Services' description");
    assertThat(cveServices().responseViolations("POST", "/api/cve/CVE-2026-1234/cna", 403,
        "{\"error\":\"NOT_OWNER_CVE_ID\",\"message\":\"The CVE ID is not owned by the user's organization.\"}"))
        .isEmpty();
  }
}

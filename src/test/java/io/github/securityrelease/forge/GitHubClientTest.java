package io.github.securityrelease.forge;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.securityrelease.forge.GitHubBodies.advisory;
import static io.github.securityrelease.forge.GitHubBodies.array;
import static io.github.securityrelease.forge.GitHubBodies.error;
import static io.github.securityrelease.forge.GitHubBodies.issue;
import static io.github.securityrelease.forge.GitHubBodies.pull;
import static io.github.securityrelease.forge.contract.GitHubContract.github;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.securityrelease.forge.GitHub.Asset;
import io.github.securityrelease.forge.GitHub.PullRequest;
import io.github.securityrelease.forge.contract.GitHubFake;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.github.securityrelease.TestLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The GitHub client against {@link GitHubFake}: every stub and every request it sends is held to
 * GitHub's published description. No Spring; the clock is fixed and the rate-limit waits are
 * recorded instead of slept.
 */
class GitHubClientTest {

  private static final String TOKEN = "ghp_SecretTokenValue0123456789abcdefABCD";
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private static final String CASE = "SEC-2026-0042";
  private static final String BRANCH = "security/CVE-2026-1234/master";

  @RegisterExtension final GitHubFake fake = new GitHubFake();

  private final List<ForgeCall> calls = new CopyOnWriteArrayList<>();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  @RegisterExtension final TestLogs logs = new TestLogs(GitHubClient.class.getName(), "org.springframework.web.client",
      "org.springframework.http");
  private GitHubClient client;

  @BeforeEach
  void client() {
    ForgeProperties properties = new ForgeProperties(URI.create(fake.baseUrl()), "octo/widget", TOKEN,
        "file:///private.git", "file:///public.git", null, "master", null, "Bot", "bot@example.net", "v{version}",
        Duration.ofMinutes(15), false);
    client = new GitHubClient(properties, calls::add, Clock.fixed(NOW, ZoneOffset.UTC), sleeps::add,
        Duration.ofSeconds(3));
  }

  @Test
  @DisplayName("R17 a retried job finds the pull request of its branch and opens no second one")
  void findsThePullRequest() throws Exception {
    fake.stub(get(urlPathEqualTo("/repos/octo/widget/pulls")).withQueryParam("head", equalTo("octo:" + BRANCH))
        .withQueryParam("base", equalTo("master")).withQueryParam("state", equalTo("all"))
        .withQueryParam("per_page", equalTo("100"))
        .willReturn(okJson(array(pull(12, BRANCH, "master")).toString())));

    PullRequest found = client.findOrOpenPullRequest(CASE, BRANCH, "master", "CVE-2026-1234 on master", "The fix");

    assertThat(found.number()).isEqualTo(12);
    assertThat(found.head()).isEqualTo(BRANCH);
    assertThat(found.base()).isEqualTo("master");
    fake.server().verify(0, postRequestedFor(urlPathEqualTo("/repos/octo/widget/pulls")));
    assertThat(calls).extracting(ForgeCall::operation, ForgeCall::status).containsExactly(
        tuple("pulls/list", 200));
    assertThat(calls.get(0).path()).startsWith("/repos/octo/widget/pulls?").contains("per_page=100");
    assertThat(calls.get(0)).extracting(ForgeCall::caseId, ForgeCall::method, ForgeCall::calledAt)
        .containsExactly(CASE, "GET", NOW);
  }

  @Test
  @DisplayName("R17 no pull request of the branch yet: one is opened, and both calls are on the case's record")
  void opensThePullRequest() throws Exception {
    fake.stub(get(urlPathEqualTo("/repos/octo/widget/pulls")).willReturn(okJson("[]")));
    fake.stub(post(urlPathEqualTo("/repos/octo/widget/pulls"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(pull(13, BRANCH, "master").toString())));

    PullRequest opened = client.findOrOpenPullRequest(CASE, BRANCH, "master", "CVE-2026-1234 on master", "The fix");

    assertThat(opened.number()).isEqualTo(13);
    fake.server().verify(postRequestedFor(urlPathEqualTo("/repos/octo/widget/pulls")).withRequestBody(equalToJson(
        "{\"title\":\"CVE-2026-1234 on master\",\"head\":\"" + BRANCH + "\",\"base\":\"master\",\"body\":\"The fix\"}")));
    assertThat(calls).extracting(ForgeCall::operation, ForgeCall::method, ForgeCall::status).containsExactly(
        tuple("pulls/list", "GET", 200),
        tuple("pulls/create", "POST", 201));
  }

  @Test
  @DisplayName("R18 the tracking issue is found on page 3 by following Link rel=next, and not opened again")
  void findsTheIssueOnPageThree() throws Exception {
    String title = "CVE-2026-1234: Parser overflow";
    String list = "/repos/octo/widget/issues";
    fake.stub(get(urlPathEqualTo(list)).withQueryParam("page", absent())
        .willReturn(okJson(array(issue(1, "Something else")).toString())
            .withHeader("Link", "<" + fake.baseUrl() + list + "?state=all&per_page=100&page=2>; rel=\"next\", <"
                + fake.baseUrl() + list + "?state=all&per_page=100&page=3>; rel=\"last\"")));
    fake.stub(get(urlPathEqualTo(list)).withQueryParam("page", equalTo("2"))
        .willReturn(okJson(array(issue(2, "Another one")).toString())
            .withHeader("Link", "<" + fake.baseUrl() + list + "?state=all&per_page=100&page=3>; rel=\"next\"")));
    fake.stub(get(urlPathEqualTo(list)).withQueryParam("page", equalTo("3"))
        .willReturn(okJson(array(issue(3, title)).toString())));

    GitHub.Issue found = client.findOrOpenIssue(CASE, title, "The announcement", NOW.minus(Duration.ofDays(30)));

    assertThat(found.number()).isEqualTo(3);
    assertThat(found.title()).isEqualTo(title);
    fake.server().verify(0, postRequestedFor(urlPathEqualTo(list)));
    assertThat(calls).extracting(ForgeCall::operation).containsExactly(
        "issues/list-for-repo", "issues/list-for-repo", "issues/list-for-repo");
    assertThat(calls.get(2).path()).endsWith("page=3");
  }

  @Test
  @DisplayName("a next page on another origin is not followed")
  void nextPageElsewhereIsNotFollowed() throws Exception {
    fake.stub(get(urlPathEqualTo("/repos/octo/widget/issues")).willReturn(okJson("[]")
        .withHeader("Link", "<https://elsewhere.example/repos/octo/widget/issues?page=2>; rel=\"next\"")));

    assertThatThrownBy(() -> client.findOrOpenIssue(CASE, "CVE-2026-1234: x", "body", NOW))
        .isInstanceOf(ForgeException.class).hasMessageContaining("elsewhere.example").hasMessageContaining("not followed");
    fake.server().verify(0, postRequestedFor(urlPathEqualTo("/repos/octo/widget/issues")));
  }

  @Test
  @DisplayName("a short Retry-After is waited out and the call retried once; both attempts are recorded")
  void shortRetryAfterIsWaitedOut() throws Exception {
    stubAdvisoryAfter(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
        .withHeader("Retry-After", "2").withBody(error("You have exceeded a secondary rate limit.")));

    GitHub.RepositoryAdvisory advisory = client.advisory(CASE, "GHSA-abcd-1234-efgh");

    assertThat(advisory.ghsaId()).isNotBlank();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(calls).extracting(ForgeCall::status).containsExactly(403, 200);
  }

  @Test
  @DisplayName("X-RateLimit-Remaining 0 with a reset a second away is waited out and retried once")
  void shortResetIsWaitedOut() throws Exception {
    stubAdvisoryAfter(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
        .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 1))
        .withBody(error("API rate limit exceeded")));

    client.advisory(CASE, "GHSA-abcd-1234-efgh");

    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    assertThat(calls).extracting(ForgeCall::status).containsExactly(403, 200);
  }

  @Test
  @DisplayName("a rate limit that resets in an hour is refused at once, saying until when, without waiting")
  void longResetIsRefused() {
    Instant reset = NOW.plus(Duration.ofHours(1));
    fake.stub(get(urlPathEqualTo("/repos/octo/widget/security-advisories/GHSA-abcd-1234-efgh"))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
            .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()))
            .withBody(error("API rate limit exceeded"))));

    assertThatThrownBy(() -> client.advisory(CASE, "GHSA-abcd-1234-efgh"))
        .isInstanceOf(ForgeException.class).hasMessageContaining("rate limit").hasMessageContaining(reset.toString());
    assertThat(sleeps).isEmpty();
    assertThat(calls).singleElement().extracting(ForgeCall::status, ForgeCall::error)
        .containsExactly(403, "HTTP 403: API rate limit exceeded");
  }

  @Test
  @DisplayName("a second GET of the same pull request sends If-None-Match and takes the 304 from the cache")
  void notModifiedIsServedFromTheCache() throws Exception {
    String path = "/repos/octo/widget/pulls/12";
    fake.stub(get(urlPathEqualTo(path)).withHeader("If-None-Match", absent())
        .willReturn(okJson(pull(12, BRANCH, "master").toString()).withHeader("ETag", "\"abc123\"")));
    fake.stub(get(urlPathEqualTo(path)).withHeader("If-None-Match", equalTo("\"abc123\""))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"abc123\"")));

    PullRequest first = client.pullRequest(CASE, 12);
    PullRequest second = client.pullRequest(CASE, 12);

    assertThat(second).isEqualTo(first);
    assertThat(second.headSha()).isNotBlank();
    fake.server().verify(1, getRequestedFor(urlPathEqualTo(path)).withHeader("If-None-Match", equalTo("\"abc123\"")));
    assertThat(calls).extracting(ForgeCall::operation, ForgeCall::status).containsExactly(
        tuple("pulls/get", 200), tuple("pulls/get", 304));
  }

  @Test
  @DisplayName("R17 a release that is not there is empty, not an error, and the 404 is on the record")
  void missingReleaseIsEmpty() {
    fake.stub(get(urlPathEqualTo("/repos/octo/widget/releases/tags/v1.2.3"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody(error("Not Found"))));

    assertThat(client.releaseByTag(CASE, "v1.2.3")).isEmpty();
    assertThat(calls).singleElement().extracting(ForgeCall::operation, ForgeCall::status, ForgeCall::error)
        .containsExactly("repos/get-release-by-tag", 404, "HTTP 404: Not Found");
  }

  @Test
  @DisplayName("R17 a release's assets are read from its tag")
  void releaseWithAssets() {
    fake.stub(get(urlPathEqualTo("/repos/octo/widget/releases/tags/v1.0.0"))
        .willReturn(okJson(github().example("repos/get-release-by-tag", 200))));

    GitHub.Release release = client.releaseByTag(CASE, "v1.0.0").orElseThrow();

    assertThat(release.tag()).isEqualTo("v1.0.0");
    assertThat(release.assets()).isNotEmpty().allSatisfy(asset -> assertThat(asset.id()).isPositive());
  }

  @Test
  @DisplayName("R17 the download follows GitHub's redirect itself, without the token, and records no signed query")
  void downloadRedirectCarriesNoToken() throws Exception {
    WireMockServer storage = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    storage.start();
    try {
      storage.stubFor(get(urlPathEqualTo("/github-production-release-asset/widget-1.0.0.tar.gz"))
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
              .withBody("the binary")));
      String signed = storage.baseUrl() + "/github-production-release-asset/widget-1.0.0.tar.gz?X-Amz-Signature=s1gn3d";
      fake.stub(get(urlPathEqualTo("/repos/octo/widget/releases/assets/5"))
          .willReturn(aResponse().withStatus(302).withHeader("Location", signed)));

      try (InputStream bytes = client.download(CASE, new Asset(5, "widget-1.0.0.tar.gz", 10, null))) {
        assertThat(new String(bytes.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("the binary");
      }

      fake.server().verify(getRequestedFor(urlPathEqualTo("/repos/octo/widget/releases/assets/5"))
          .withHeader("Accept", equalTo("application/octet-stream"))
          .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
      storage.verify(1, getRequestedFor(urlPathEqualTo("/github-production-release-asset/widget-1.0.0.tar.gz"))
          .withoutHeader("Authorization").withoutHeader("X-GitHub-Api-Version"));
      assertThat(calls).extracting(ForgeCall::status).containsExactly(302, 200);
      assertThat(calls.get(1).path()).isEqualTo(storage.baseUrl() + "/github-production-release-asset/widget-1.0.0.tar.gz");
    } finally {
      storage.stop();
    }
  }

  @Test
  @DisplayName("a download redirected to plain http elsewhere is not followed")
  void downloadToPlainHttpIsRefused() {
    fake.stub(get(urlPathEqualTo("/repos/octo/widget/releases/assets/5"))
        .willReturn(aResponse().withStatus(302).withHeader("Location", "http://objects.example/asset?sig=x")));

    assertThatThrownBy(() -> client.download(CASE, new Asset(5, "widget.tar.gz", 10, null)))
        .isInstanceOf(ForgeException.class).hasMessageContaining("not over HTTPS");
    assertThat(calls).singleElement().extracting(ForgeCall::status).isEqualTo(302);
  }

  @Test
  @DisplayName("a refusal names the operation, status and GitHub's message, and the token is in no message, record or log")
  void tokenIsNowhere() throws Exception {
    fake.stub(get(urlPathEqualTo("/repos/octo/widget/pulls")).willReturn(okJson("[]")));
    fake.stub(post(urlPathEqualTo("/repos/octo/widget/pulls")).willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json")
        .withBody(error("Validation Failed for Bearer " + TOKEN + "\n" + "x".repeat(500)))));

    assertThatThrownBy(() -> client.findOrOpenPullRequest(CASE, BRANCH, "master", "t", "b"))
        .isInstanceOf(ForgeException.class)
        .hasMessageContaining("pulls/create").hasMessageContaining("HTTP 422").hasMessageContaining("Validation Failed")
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).hasSizeLessThan(400));
    fake.server().verify(2, getRequestedFor(urlPathEqualTo("/repos/octo/widget/pulls"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    assertThat(calls).extracting(ForgeCall::operation).containsExactly("pulls/list", "pulls/create", "pulls/list");
    assertThat(calls).allSatisfy(call -> assertThat(String.valueOf(call.error()) + call.path()).doesNotContain(TOKEN));
    assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(TOKEN));
  }

  @ParameterizedTest(name = "R18 R4 an advisory {0} already is left as it is; a draft is {0} with one PATCH")
  @ValueSource(strings = {"published", "closed"})
  void changesStateOnce(String state) throws Exception {
    String path = "/repos/octo/widget/security-advisories/GHSA-abcd-1234-efgh";
    ObjectNode draft = advisory("draft");
    ObjectNode changed = advisory(state);
    fake.stub(get(urlPathEqualTo(path)).inScenario(state).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(draft.toString())));
    fake.stub(patch(urlPathEqualTo(path)).inScenario(state).willSetStateTo(state)
        .willReturn(okJson(changed.toString())));
    fake.stub(get(urlPathEqualTo(path)).inScenario(state).whenScenarioStateIs(state)
        .willReturn(okJson(changed.toString())));
    java.util.function.BiFunction<String, String, GitHub.RepositoryAdvisory> change =
        "published".equals(state) ? client::publishAdvisory : client::closeAdvisory;

    assertThat(change.apply(CASE, "GHSA-abcd-1234-efgh").state()).isEqualTo(state);
    assertThat(change.apply(CASE, "GHSA-abcd-1234-efgh").state()).isEqualTo(state);

    fake.server().verify(1, patchRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"state\":\"" + state + "\"}")));
    assertThat(calls).extracting(ForgeCall::method).containsExactly("GET", "PATCH", "GET");
  }

  @Test
  @DisplayName("OSV's ecosystem names become GitHub's")
  void ecosystems() {
    assertThat(GitHubClient.ecosystem("Maven")).isEqualTo("maven");
    assertThat(GitHubClient.ecosystem("PyPI")).isEqualTo("pip");
    assertThat(GitHubClient.ecosystem("crates.io")).isEqualTo("rust");
    assertThat(GitHubClient.ecosystem("Debian")).isEqualTo("other");
  }

  private void stubAdvisoryAfter(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder limited)
      throws Exception {
    String path = "/repos/octo/widget/security-advisories/GHSA-abcd-1234-efgh";
    fake.stub(get(urlPathEqualTo(path)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("open").willReturn(limited));
    fake.stub(get(urlPathEqualTo(path)).inScenario("limit").whenScenarioStateIs("open")
        .willReturn(okJson(advisory("draft").toString())));
  }
}

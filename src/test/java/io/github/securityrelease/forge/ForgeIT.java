package io.github.securityrelease.forge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.securityrelease.TestCases.assertCompleted;
import static io.github.securityrelease.forge.GitHubBodies.advisory;
import static io.github.securityrelease.forge.GitHubBodies.array;
import static io.github.securityrelease.forge.GitHubBodies.issue;
import static io.github.securityrelease.forge.GitHubBodies.pull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestForge;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.forge.contract.GitHubFake;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole case from the report to the announcement with the forge configured (issue 19, R17,
 * R18): real git against local bare repositories ({@link GitRemotes}: the fix conflicts on
 * {@code release-1.x} alone), GitHub's API faked and held to its description
 * ({@link GitHubFake}), the webhook signed with its secret. Release managers only resolve the
 * conflict and merge; everything else is the service's. The jobs run when the test executes
 * them, the engine clock moved to each date.
 *
 * <p>Once a build, as production runs it: on PostgreSQL when the ITs have it, on H2 otherwise.
 * Its context is one of its own, which costs the suite a start; the forge's tables and the
 * webhook's are on both databases through the shared context's ITs ({@code ForgeCallsIT},
 * {@code GitHubWebhookIT}).
 */
@EnabledIf(value = "io.github.securityrelease.TestDatabase#onceABuild",
    disabledReason = "once a build: on PostgreSQL when the ITs have it, on H2 otherwise")
@OrchestratorIntegrationTest
@TestPropertySource(properties = {
    "security-release.forge.repository=" + ForgeIT.REPOSITORY,
    "security-release.forge.token=" + ForgeIT.TOKEN,
    "security-release.forge.poll-interval=PT5M",
    "security-release.forge.cna=false",
    "security-release.release.branches=release-1.x,release-2.x"})
@Tag(OrchestratorIntegrationTest.OWN_JVM)
@DirtiesContext // closed after the class: the next IT of OwnContextsOnH2 starts its own
@ExtendWith(OutputCaptureExtension.class)
class ForgeIT {

  static final String REPOSITORY = "kurator-dev/kurator";
  /** Unique enough to be found wherever it would leak. */
  static final String TOKEN = "ghp_ForgeIt-Pangolin-5521-Token";
  static final String VERSION = "v2.0.1";
  static final PersonIdent RELEASE_MANAGER = new PersonIdent("Demo Release", "release@kurator.example");
  private static final String API = "/repos/" + REPOSITORY;
  private static final long RELEASE_ID = 9001;

  private static final Path ROOT;
  private static final GitRemotes REMOTES;

  static {
    try {
      ROOT = Files.createTempDirectory("forge-it");
      REMOTES = new GitRemotes(ROOT);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @RegisterExtension
  static GitHubFake fake = GitHubFake.started();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @DynamicPropertySource
  static void forge(DynamicPropertyRegistry registry) {
    registry.add("security-release.forge.api-url", fake::baseUrl);
    registry.add("security-release.forge.private-remote", () -> GitRemotes.url(REMOTES.privateRemote));
    registry.add("security-release.forge.public-remote", () -> GitRemotes.url(REMOTES.publicRemote));
    registry.add("security-release.forge.work-directory", () -> ROOT.resolve("work").toString());
  }

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired OpenPullRequest openPullRequest;
  @LocalServerPort int port;

  @Test
  @DisplayName("R12 R17 R18 a whole case through the forge: release managers only resolve the conflict and merge")
  void wholeCaseThroughTheForge(CapturedOutput log) throws Exception {
    String caseId = (String) TestCases.post(http, TestCases.report("Parser reads past the buffer", "ada@example.net"))
        .getBody().get("caseId");
    cases.runDueJobs(caseId);
    String instanceId = cases.instance(caseId).getId();
    String cve = TestCases.cveId(caseId);
    String title = "Parser reads past the buffer";

    submitted("demo-security", caseId, "Task_AcknowledgeReport", Map.of("acknowledgementMessage", "Thank you."));
    submitted("demo-security", caseId, "Task_ValidateReport", Map.of("validationOutcome", "ACCEPTED",
        "cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "affectedVersions", "v2.0.0"));
    submitted("demo-maintainer", caseId, "Task_DevelopRemediation", Map.of(
        "fixPullRequests", "The fix is on fix/parser of the private fork", "fixBranch", GitRemotes.FIX_BRANCH));
    submitted("demo-security", caseId, "Task_ReviewRemediation", Map.of("remediationApproved", true));

    // R12: the draft repository advisory instead of "Launch CVE procedure"; GitHub is not the CNA
    ObjectNode draft = advisory("draft");
    String ghsa = draft.path("ghsa_id").asText();
    draft.put("html_url", "https://github.com/" + REPOSITORY + "/security/advisories/" + ghsa);
    fake.stub(get(urlPathEqualTo(API + "/security-advisories")).willReturn(okJson("[]")));
    fake.stub(post(urlPathEqualTo(API + "/security-advisories"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(draft.toString())));
    submitted("demo-security", caseId, "Task_DescribeImpact", Map.of("impactDescription", "A crafted file crashes the parser."));
    assertThat(variable(instanceId, "ghsaId")).isEqualTo(ghsa);
    assertThat(openTasks(caseId)).extracting(Task::getTaskDefinitionKey).contains("Task_RecordCve")
        .doesNotContain("Task_LaunchCveProcedure");
    fake.server().verify(1, postRequestedFor(urlPathEqualTo(API + "/security-advisories"))
        .withRequestBody(matchingJsonPath("$.summary", equalTo(title))));
    submitted("demo-security", caseId, "Task_RecordCve", Map.of("cveId", cve));

    Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
    String at = OffsetDateTime.ofInstant(disclosure, ZoneOffset.ofHours(1)).toString();
    submitted("demo-security", caseId, "Task_PlanDisclosure", Map.of("publicDisclosureAt", at, "releaseAt", at,
        "publicMessaging", "A fix for the parser ships today", "distributorContent", "Patch attached; reproduce with a crafted file",
        "releaseBranches", Map.of("value", "[\"release-1.x\",\"release-2.x\"]", "type", "Json"),
        "releaseVersions", VERSION, "advanceNoticeDays", 7));

    // the notices' timers, nothing of release day before its time (the embargo)
    cases.runDueJobsAt(disclosure.minus(Duration.ofHours(1)), caseId);
    assertThat(jobs(instanceId, "Event_ReleaseDay")).as("release day waits for its time").hasSize(1);
    assertThat(REMOTES.publicRef("security/" + cve + "/master")).as("nothing pushed before release day").isNull();

    // release day: the three picks
    ClockUtil.setCurrentTime(Date.from(disclosure.plusSeconds(60)));
    assertThat(execute(instanceId, "Event_ReleaseDay")).isOne();
    assertThat(execute(instanceId, "Task_PushFixToBranch")).isEqualTo(3);
    String fixCommit = REMOTES.fixCommit(1);
    for (String branch : List.of("master", "release-2.x")) {
      RevCommit head = REMOTES.publicCommit("refs/heads/security/" + cve + "/" + branch);
      assertThat(head.getAuthorIdent().getName()).as(branch).isEqualTo(GitRemotes.DEVELOPER.getName());
      assertThat(head.getFullMessage()).as(branch).contains("(cherry picked from commit " + fixCommit + ")");
      assertThat(REMOTES.publicFile("security/" + cve + "/" + branch, "Parser.java")).contains("check bounds");
    }
    assertThat(REMOTES.publicRef("security/" + cve + "/release-1.x")).as("a conflict pushes nothing").isNull();
    Task resolve = single(openTasks(caseId), "Task_ResolveCherryPick");
    assertThat(resolve.getName()).isEqualTo("Resolve cherry-pick onto release-1.x");
    assertThat(taskService.getVariable(resolve.getId(), "conflictFiles")).isEqualTo("Parser.java");
    assertThat(taskService.getVariable(resolve.getId(), "securityBranch")).isEqualTo("security/" + cve + "/release-1.x");

    // as a release manager: completing it before the resolution is pushed is refused and changes nothing
    TestRestTemplate release = http.withBasicAuth("demo-release", "demo-release");
    ResponseEntity<String> early = TestCases.claimAndSubmit(release, "demo-release", resolve.getId(),
        Map.of("resolutionPushed", true));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(early.getBody()).contains("is not on the public repository yet");
    assertThat(taskService.createTaskQuery().taskId(resolve.getId()).count()).as("the task stays").isOne();
    assertThat(jobs(instanceId, "Task_OpenPullRequest")).as("release-1.x is not moved on").hasSize(2);
    String resolution = resolveByHand("security/" + cve + "/release-1.x");
    assertCompleted(TestCases.claimAndSubmit(release, "demo-release", resolve.getId(), Map.of("resolutionPushed", true)));

    // the pull requests: none found, so each is opened with the head on the public repository
    Map<String, Long> numbers = Map.of("master", 101L, "release-1.x", 102L, "release-2.x", 103L);
    Map<String, String> heads = new HashMap<>();
    fake.stub(get(urlPathEqualTo(API + "/pulls")).willReturn(okJson("[]")));
    for (var entry : numbers.entrySet()) {
      String securityBranch = "security/" + cve + "/" + entry.getKey();
      heads.put(entry.getKey(), REMOTES.publicRef(securityBranch).name());
      fake.stub(post(urlPathEqualTo(API + "/pulls")).withRequestBody(matchingJsonPath("$.base", equalTo(entry.getKey())))
          .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
              .withBody(pullRequest(entry.getValue(), securityBranch, heads.get(entry.getKey()), entry.getKey(), null)
                  .toString())));
    }
    assertThat(heads.get("release-1.x")).isEqualTo(resolution);
    assertThat(execute(instanceId, "Task_OpenPullRequest")).isEqualTo(3);
    fake.server().verify(3, postRequestedFor(urlPathEqualTo(API + "/pulls")));
    fake.server().verify(1, postRequestedFor(urlPathEqualTo(API + "/pulls"))
        .withRequestBody(matchingJsonPath("$.head", equalTo("security/" + cve + "/release-1.x"))));

    // merges: master changed before its merge, release-2.x as opened, both by signed deliveries
    String changedHead = "0123456789abcdef0123456789abcdef01234567";
    // someone pushes to master's pull request while it is open: the team hears of it at once, once
    for (int delivery = 0; delivery < 2; delivery++) {
      assertThat(deliver(WebhookPayloads.pullRequestSynchronized(101, REPOSITORY, "security/" + cve + "/master",
          heads.get("master"), changedHead, "master"))).isEqualTo(200);
    }
    MimeMessage changedEarly = single(mailsWithSubject("[" + caseId + "] Release day: a pull request was changed after it was opened"));
    assertThat(GreenMailUtil.getBody(changedEarly)).contains(changedHead, heads.get("master"), title);
    assertThat(deliverMerge(101, "security/" + cve + "/master", changedHead, "master")).isEqualTo(200);
    assertThat(deliverMerge(103, "security/" + cve + "/release-2.x", heads.get("release-2.x"), "release-2.x"))
        .isEqualTo(200);
    assertThat(execute(instanceId, "Task_AwaitMerge")).as("each delivery ends its branch's wait; a job records the merge")
        .isEqualTo(2);
    assertThat(execute(instanceId, "Task_AlertPullRequestChanged")).as("R17 unchanged: master alone").isOne();
    MimeMessage alert = single(mailsWithSubject("[" + caseId + "] Release day: a pull request was changed before its merge"));
    assertThat(GreenMailUtil.getBody(alert)).contains(changedHead, heads.get("master"), "/pull/101");

    // release-1.x: no delivery comes; the timed look finds it merged
    ClockUtil.setCurrentTime(Date.from(disclosure.plus(Duration.ofMinutes(7))));
    fake.stub(get(urlPathEqualTo(API + "/pulls/102")).willReturn(okJson(pullRequest(102, "security/" + cve + "/release-1.x",
        resolution, "release-1.x", "fedcba9876543210fedcba9876543210fedcba98").toString())));
    assertThat(execute(instanceId, "Event_MergeCheckDue")).isOne();
    assertThat(execute(instanceId, "Task_CheckPullRequest")).isOne();
    fake.server().verify(1, getRequestedFor(urlPathEqualTo(API + "/pulls/102")));
    assertThat((String) variable(instanceId, "cherryPicks")).contains("master: ", "release-1.x: fedcba98", "release-2.x: ");

    // the binaries: the release of v2.0.1, its assets downloaded through the storage's redirect, checked against SHA256SUMS
    stubRelease();
    assertThat(execute(instanceId, "Task_VerifyReleaseBinaries")).isOne();
    assertThat(variable(instanceId, "binariesVerified")).isEqualTo(true);
    assertThat(variable(instanceId, "binariesProblem")).isNull();
    fake.server().verify(3, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
        GitHubFake.STORAGE + "/.*")).withoutHeader("Authorization"));
    assertThat(openTasks(caseId)).as("no \"Build and verify release\"").isEmpty();

    // the disclosure: the release notes, the advisory and the tracking issue through the forge, then the announcement
    ObjectNode published = advisory("published");
    published.put("ghsa_id", ghsa).put("html_url", draft.path("html_url").asText());
    fake.stub(get(urlPathEqualTo(API + "/security-advisories/" + ghsa)).willReturn(okJson(draft.toString())));
    fake.stub(patch(urlPathEqualTo(API + "/security-advisories/" + ghsa)).willReturn(okJson(published.toString())));
    fake.stub(get(urlPathEqualTo(API + "/issues")).willReturn(okJson("[]")));
    ObjectNode tracking = issue(77, cve + ": " + title);
    tracking.put("html_url", "https://github.com/" + REPOSITORY + "/issues/77");
    fake.stub(post(urlPathEqualTo(API + "/issues"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(tracking.toString())));
    fake.stub(patch(urlPathEqualTo(API + "/releases/" + RELEASE_ID)).willReturn(okJson(release().toString())));
    assertThat(execute(instanceId, "Event_DisclosureDue")).isOne();
    assertThat(execute(instanceId, "Task_WriteReleaseNotes")).isOne();
    assertThat(execute(instanceId, "Task_PublishRepositoryAdvisory")).isOne();
    assertThat(execute(instanceId, "Task_OpenTrackingIssueOnForge")).isOne();
    assertThat(execute(instanceId, "Task_AnnouncePublicly")).isOne();
    assertThat(execute(instanceId, "Task_TellReporterPublic")).isOne();
    cases.runDueJobs(caseId);

    fake.server().verify(1, patchRequestedFor(urlPathEqualTo(API + "/security-advisories/" + ghsa))
        .withRequestBody(matchingJsonPath("$.state", equalTo("published"))));
    fake.server().verify(1, postRequestedFor(urlPathEqualTo(API + "/issues"))
        .withRequestBody(matchingJsonPath("$.title", equalTo(cve + ": " + title))));
    fake.server().verify(1, postRequestedFor(urlPathEqualTo(API + "/issues")).withRequestBody(matchingJsonPath("$.body",
        com.github.tomakehurst.wiremock.client.WireMock.containing(draft.path("html_url").asText())))
        .withRequestBody(matchingJsonPath("$.body",
            com.github.tomakehurst.wiremock.client.WireMock.containing(release().path("html_url").asText()))));
    fake.server().verify(1, patchRequestedFor(urlPathEqualTo(API + "/releases/" + RELEASE_ID))
        .withRequestBody(matchingJsonPath("$.body", com.github.tomakehurst.wiremock.client.WireMock.containing(cve))));
    assertThat(cases.instance(caseId)).as("the case ended").isNull();
    assertThat(variable(instanceId, "status")).isEqualTo("DISCLOSED");
    assertThat(variable(instanceId, "releaseNotesUrl")).isEqualTo(release().path("html_url").asText());
    assertThat(variable(instanceId, "advisoryUrl")).isEqualTo(draft.path("html_url").asText());
    assertThat(variable(instanceId, "trackingIssueUrl")).isEqualTo("https://github.com/" + REPOSITORY + "/issues/77");
    assertThat(GreenMailUtil.getBody(single(mailsWithSubject("[SECURITY] " + cve + ": " + title))))
        .contains("https://github.com/" + REPOSITORY + "/issues/77");

    // release managers got the resolve task alone; the rest of the case was the team's
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).list())
        .extracting(HistoricTaskInstance::getTaskDefinitionKey).containsExactlyInAnyOrder("Task_AcknowledgeReport",
            "Task_ValidateReport", "Task_DevelopRemediation", "Task_ReviewRemediation", "Task_DescribeImpact",
            "Task_RecordCve", "Task_PlanDisclosure", "Task_ResolveCherryPick");

    // the assets release day checked, on the case's record (R17)
    ResponseEntity<List<Map<String, Object>>> assets = http.withBasicAuth("demo-security", "demo-security").exchange(
        "/api/v1/cases/" + caseId + "/release-assets", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(assets.getBody()).isNotEmpty().allSatisfy(asset -> {
      assertThat(asset).containsEntry("tag", "v2.0.1");
      assertThat((String) asset.get("sha256")).matches("[0-9a-f]{64}");
    });
    assertThat(assets.getBody()).anySatisfy(asset -> assertThat(asset.get("checkedAgainst")).isEqualTo("SHA256SUMS"));

    // every call on the case's record, git's and GitHub's, with its status
    ResponseEntity<List<Map<String, Object>>> record = http.withBasicAuth("demo-security", "demo-security").exchange(
        "/api/v1/cases/" + caseId + "/forge-calls", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> calls = record.getBody().stream().map(call -> call.get("operation") + " " + call.get("status")).toList();
    assertThat(calls).contains("security-advisories/create-repository-advisory 201", "pulls/list 200",
        "pulls/create 201", "pulls/get 200", "repos/get-release-by-tag 200", "repos/get-release-asset 302",
        "repos/get-release-asset 200", "repos/update-release 200", "issues/create 201",
        "security-advisories/update-repository-advisory 200");
    // git answers no status: the branch is the call's path, a refusal its error
    assertThat(record.getBody()).filteredOn(call -> "git/cherry-pick-and-push".equals(call.get("operation")))
        .extracting(call -> call.get("path"), call -> call.get("status"), call -> call.get("error"))
        .containsExactlyInAnyOrder(tuple("security/" + cve + "/master", null, null),
            tuple("security/" + cve + "/release-1.x", null, null), tuple("security/" + cve + "/release-2.x", null, null));
    assertThat(record.getBody()).filteredOn(call -> "git/ls-remote".equals(call.get("operation")))
        .as("the resolution looked for twice: refused, then found").hasSize(2)
        .allSatisfy(call -> assertThat(call).containsEntry("path", "security/" + cve + "/release-1.x"));

    // the token: in no log line, variable or forge-call row
    assertThat(log.getAll()).contains(caseId).doesNotContain(TOKEN, TOKEN.substring(4, 20));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).list())
        .extracting(HistoricVariableInstance::getValue).map(String::valueOf).noneMatch(value -> value.contains(TOKEN));
    assertThat(http.withBasicAuth("demo-security", "demo-security")
        .getForObject("/api/v1/cases/" + caseId + "/forge-calls", String.class)).doesNotContain(TOKEN);
  }

  @Test
  @DisplayName("R17 a retried \"Open pull request\" finds the pull request its first try opened: one pulls/create, one on record")
  void retriedOpenPullRequestOpensOne() {
    String cve = "CVE-2025-" + (200000 + System.nanoTime() % 100000);
    String securityBranch = "security/" + cve + "/release-2.x";
    ObjectNode opened = pullRequest(204, securityBranch, "1111111111111111111111111111111111111111", "release-2.x", null);
    fake.stub(get(urlPathEqualTo(API + "/pulls")).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("[]")));
    fake.stub(post(urlPathEqualTo(API + "/pulls")).inScenario("retry").willSetStateTo("opened")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(opened.toString())));
    fake.stub(get(urlPathEqualTo(API + "/pulls")).inScenario("retry").whenScenarioStateIs("opened")
        .willReturn(okJson(array(opened).toString())));
    Map<String, Object> variables = new HashMap<>(Map.of("branch", "release-2.x", "securityBranch", securityBranch,
        "cveId", cve, "title", "Retried", "pullRequestHead", opened.path("head").path("sha").asText(),
        "cherryPickConflict", false));

    openPullRequest.execute(Executions.of(variables));
    // the job's transaction rolled back after the call (a node died): the engine runs it again
    openPullRequest.execute(Executions.of(variables));

    fake.server().verify(1, postRequestedFor(urlPathEqualTo(API + "/pulls")));
    fake.server().verify(2, getRequestedFor(urlPathEqualTo(API + "/pulls"))
        .withQueryParam("head", equalTo(REPOSITORY.split("/")[0] + ":" + securityBranch)));
    assertThat(jdbc.queryForList("select number from forge_pull_request where security_branch = ?", Long.class,
        securityBranch)).containsExactly(204L);
  }

  // --- the release manager's resolution, the webhook, the release ---

  /** The fix resolved onto release-1.x by hand, as a release manager does, pushed to {@code securityBranch}. */
  private static String resolveByHand(String securityBranch) throws Exception {
    Path clone = ROOT.resolve("release-manager");
    try (Git git = Git.cloneRepository().setURI(GitRemotes.url(REMOTES.publicRemote)).setDirectory(clone.toFile())
        .setBranch("release-1.x").call()) {
      git.checkout().setCreateBranch(true).setName(securityBranch).setStartPoint("origin/release-1.x").call();
      Files.writeString(clone.resolve("Parser.java"), "parse\ncheck bounds lightly\nreturn\n");
      Files.writeString(clone.resolve("docs.md"), "# Docs\nInput is bounds-checked.\n");
      git.add().addFilepattern(".").call();
      RevCommit commit = git.commit().setMessage("Check the bounds before parsing (onto release-1.x, resolved)")
          .setAuthor(RELEASE_MANAGER).setCommitter(RELEASE_MANAGER).call();
      git.push().setRefSpecs(new RefSpec("refs/heads/" + securityBranch + ":refs/heads/" + securityBranch)).call();
      return commit.name();
    }
  }

  /** A signed {@code pull_request} delivery: closed and merged, with {@code headSha} as its head. */
  private int deliverMerge(long number, String head, String headSha, String base) throws Exception {
    return deliver(WebhookPayloads.pullRequestMerged(number, REPOSITORY, head, headSha, base,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(head.getBytes(StandardCharsets.UTF_8)))));
  }

  /** {@code body} as a signed {@code pull_request} delivery of its own; the answer's status. */
  private int deliver(byte[] body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/github"))
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", "pull_request")
        .header("X-GitHub-Delivery", UUID.randomUUID().toString())
        .header("X-Hub-Signature-256", TestForge.signature(body))
        .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.discarding()).statusCode();
  }

  /** GitHub's pull request {@code number} of {@code head} at {@code headSha} into {@code base}; merged as {@code mergeCommit} if not null. */
  private static ObjectNode pullRequest(long number, String head, String headSha, String base, String mergeCommit) {
    ObjectNode pull = pull(number, head, base);
    ((ObjectNode) pull.path("head")).put("sha", headSha);
    pull.put("html_url", "https://github.com/" + REPOSITORY + "/pull/" + number);
    pull.put("state", mergeCommit == null ? "open" : "closed");
    pull.put("merged", mergeCommit != null);
    pull.put("merged_at", mergeCommit == null ? null : "2026-03-02T10:00:00Z");
    pull.put("merge_commit_sha", mergeCommit);
    return pull;
  }

  /** The release of {@link #VERSION}: two binaries and their SHA256SUMS, each download redirected to the storage host. */
  private static ObjectNode release() {
    ObjectNode release = GitHubBodies.release();
    release.put("id", RELEASE_ID).put("tag_name", VERSION)
        .put("html_url", "https://github.com/" + REPOSITORY + "/releases/tag/" + VERSION);
    ObjectNode example = (ObjectNode) release.path("assets").get(0);
    ArrayNode assets = release.putArray("assets");
    Map<String, byte[]> files = assetFiles();
    long id = 500;
    for (var file : files.entrySet()) {
      ObjectNode asset = example.deepCopy();
      asset.put("id", ++id).put("name", file.getKey()).put("size", file.getValue().length)
          .put("browser_download_url", "https://github.com/" + REPOSITORY + "/releases/download/" + VERSION + "/" + file.getKey());
      assets.add(asset);
    }
    return release;
  }

  private static Map<String, byte[]> assetFiles() {
    byte[] linux = "kurator linux amd64 binary".getBytes(StandardCharsets.UTF_8);
    byte[] darwin = "kurator darwin arm64 binary".getBytes(StandardCharsets.UTF_8);
    String sums = sha256(linux) + "  kurator-linux-amd64.tar.gz\n" + sha256(darwin) + "  kurator-darwin-arm64.tar.gz\n";
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("kurator-linux-amd64.tar.gz", linux);
    files.put("kurator-darwin-arm64.tar.gz", darwin);
    files.put("SHA256SUMS", sums.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private void stubRelease() {
    ObjectNode release = release();
    fake.stub(get(urlPathEqualTo(API + "/releases/tags/" + VERSION)).willReturn(okJson(release.toString())));
    Map<String, byte[]> files = assetFiles();
    for (var asset : release.path("assets")) {
      String name = asset.path("name").asText();
      String stored = "/kurator/" + asset.path("id").asText() + "/" + name;
      fake.stub(get(urlPathEqualTo(API + "/releases/assets/" + asset.path("id").asText()))
          .willReturn(aResponse().withStatus(302).withHeader("Location", fake.storageUrl(stored + "?X-Amz-Signature=s1gn3d"))));
      fake.storage(get(urlPathEqualTo(GitHubFake.STORAGE + stored)).willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "application/octet-stream").withBody(files.get(name))));
    }
  }

  // --- the engine ---

  /** Executes the case's jobs of {@code activityId} that are due by the engine clock; how many. */
  private int execute(String instanceId, String activityId) {
    List<Job> due = jobs(instanceId, activityId).stream()
        .filter(job -> job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime())).toList();
    due.forEach(job -> managementService.executeJob(job.getId()));
    return due.size();
  }

  private List<Job> jobs(String instanceId, String activityId) {
    return managementService.createJobQuery().processInstanceId(instanceId).activityId(activityId).list();
  }

  private List<Task> openTasks(String caseId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseId).list();
  }

  private Object variable(String instanceId, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName(name).list()
        .stream().filter(variable -> variable.getActivityInstanceId() == null
            || variable.getActivityInstanceId().equals(instanceId)).findFirst()
        .map(HistoricVariableInstance::getValue).orElse(null);
  }

  private void submitted(String user, String caseId, String taskKey, Map<String, Object> values) {
    assertCompleted(cases.submit(http, user, caseId, taskKey, values));
  }

  private static Task single(List<Task> tasks, String key) {
    return tasks.stream().filter(task -> key.equals(task.getTaskDefinitionKey())).reduce((a, b) -> {
      throw new AssertionError("two tasks " + key);
    }).orElseThrow(() -> new AssertionError("no task " + key + " among " + tasks));
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private static List<MimeMessage> mailsWithSubject(String subject) {
    return List.of(smtp.getReceivedMessages()).stream().filter(mail -> subject.equals(TestSmtp.subject(mail))).toList();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static {
    // the bare repositories are the JVM's temporary files; nothing to close but the seed
    Runtime.getRuntime().addShutdownHook(new Thread(REMOTES::close));
  }
}

package io.github.securityrelease.distributors;

import static io.github.securityrelease.TestCases.assertCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestDistributors;
import io.github.securityrelease.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R25 joining the private distributors list, through the public API and Tasklist's engine
 * API as its users would: the application, the review, the voucher's confirmation, the
 * registry entry and every mail, read from a real SMTP server.
 */
@OrchestratorIntegrationTest
class DistributorApplicationIT {

  private static final String PROCESS_KEY = "distributor-application";

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired DistributorRegistry registry;
  @Autowired DistributorChangeLog changes;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("R25 apply without login, all eight criteria met, vouched for by a current member: on the list, welcomed with the embargo policy")
  void accepted() {
    String domain = domain("accepted");
    String organisation = "Distro Accepted " + System.nanoTime();
    ResponseEntity<Map> applied = apply(application(organisation, domain));

    assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String applicationId = (String) applied.getBody().get("applicationId");
    assertThat(applicationId).matches("DA-\\d{4}-\\d{4,}");
    cases.runDueJobs(applicationId);
    MimeMessage receipt = single(mailsTo(domain));
    assertThat(TestSmtp.subject(receipt)).contains(applicationId, "received");
    assertThat(Arrays.asList(TestSmtp.recipients(receipt)))
        .containsExactlyInAnyOrder("security@" + domain, "psirt@" + domain);

    Map<String, Object> review = allMet();
    review.put("trackRecordMet", false);
    review.remove("contributeBackMet");
    ResponseEntity<String> notAllMet = cases.submit(http, "demo-security", applicationId, "Task_ReviewApplication", review);
    assertThat(notAllMet.getStatusCode()).as("R25 accepted only with all eight criteria met").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notAllMet.getBody()).as("every unmet criterion named at once")
        .contains("trackRecordMet, contributeBackMet: must be met");
    assertCompleted(cases.submit(http, "demo-security", applicationId, "Task_ReviewApplication", allMet()));

    Task vouching = task(applicationId, "Task_ConfirmVouching");
    assertThat(taskService.getIdentityLinksForTask(vouching.getId())).as("offered to the voucher by name")
        .anySatisfy(link -> assertThat(link.getUserId()).isEqualTo("demo-security"))
        .allSatisfy(link -> assertThat(link.getGroupId()).isNull());
    assertThat(http.withBasicAuth("demo-associate", "demo-associate").getForObject(
        "/engine-rest/task?processInstanceBusinessKey=" + applicationId, String.class))
        .as("nobody else sees it").doesNotContain("Task_ConfirmVouching");
    assertCompleted(cases.submit(http, "demo-security", applicationId, "Task_ConfirmVouching",
        Map.of("vouchingOutcome", "CONFIRMED")));
    cases.runDueJobs(applicationId);

    Distributor added = registry.all().stream().filter(d -> d.organisation().equals(organisation)).findFirst().orElseThrow();
    assertThat(added.active()).isTrue();
    assertThat(added.contacts()).containsExactly("security@" + domain, "psirt@" + domain);
    assertThat(added.vouchedBy()).isEqualTo("demo-security");
    assertThat(added.embargoPolicyAcceptedAt()).isNotNull();
    assertThat(changes.of(added.id())).singleElement().satisfies(change -> {
      assertThat(change.action()).isEqualTo(DistributorChangeLog.Change.CREATED);
      assertThat(change.changedBy()).as("the service made the change").isNull();
    });
    assertThat(registry.activeRecipients()).contains("security@" + domain);
    assertThat(cases.instance(applicationId)).as("the application ended").isNull();

    List<MimeMessage> mails = mailsTo(domain);
    assertThat(mails).hasSize(2);
    MimeMessage welcome = mails.get(1);
    assertThat(TestSmtp.subject(welcome)).isEqualTo("[" + applicationId + "] Welcome to the private distributors list");
    assertThat(GreenMailUtil.getBody(welcome)).contains("Embargo Policy", "need-to-know",
        "must urgently inform the security team", "Repeated offenses", organisation);
    assertThat(ledger(applicationId)).containsExactlyInAnyOrder(
        "DISTRIBUTOR_APPLICATION_RECEIVED SENT", "DISTRIBUTOR_WELCOME SENT");
  }

  @Test
  @DisplayName("R25 a rejected application: the reason is required, and the applicant's mail says why")
  void rejectedAtReview() {
    String domain = domain("rejected");
    String applicationId = applied(application("Distro Rejected " + System.nanoTime(), domain));

    ResponseEntity<String> noReason = cases.submit(http, "demo-security", applicationId, "Task_ReviewApplication",
        Map.of("reviewOutcome", "REJECTED"));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody()).contains("rejectionReason");
    assertCompleted(cases.submit(http, "demo-security", applicationId, "Task_ReviewApplication",
        Map.of("reviewOutcome", "REJECTED", "rejectionReason", "A rebuild of Distro Upstream, not a distribution of its own")));

    List<MimeMessage> mails = mailsTo(domain);
    assertThat(mails).hasSize(2);
    assertThat(GreenMailUtil.getBody(mails.get(1))).contains("A rebuild of Distro Upstream");
    assertThat(task(applicationId, "Task_ConfirmVouching")).isNull();
    assertThat(cases.instance(applicationId)).isNull();
  }

  @Test
  @DisplayName("R25 the voucher declines: not on the list, the applicant is told why")
  void declinedByVoucher() {
    String domain = domain("declined");
    String organisation = "Distro Declined " + System.nanoTime();
    String applicationId = applied(application(organisation, domain));
    assertCompleted(cases.submit(http, "demo-security", applicationId, "Task_ReviewApplication", allMet()));

    ResponseEntity<String> noReason = cases.submit(http, "demo-security", applicationId, "Task_ConfirmVouching",
        Map.of("vouchingOutcome", "DECLINED"));
    assertThat(noReason.getBody()).contains("vouchingDeclineReason");
    assertCompleted(cases.submit(http, "demo-security", applicationId, "Task_ConfirmVouching",
        Map.of("vouchingOutcome", "DECLINED", "vouchingDeclineReason", "I have never worked with them")));

    assertThat(GreenMailUtil.getBody(mailsTo(domain).get(1))).contains("I have never worked with them");
    assertThat(registry.all()).noneMatch(d -> d.organisation().equals(organisation));
  }

  @Test
  @DisplayName("bad input gets 400 problem+json naming the field, and nothing is started, no ID used up")
  void badInput() {
    String domain = domain("bad");
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    String first = applied(application("Distro Numbered " + System.nanoTime(), domain));

    assertBadField(with(application("Distro Bad", domain), "embargoPolicyAccepted", false), "embargoPolicyAccepted");
    assertBadField(with(application("Distro Bad", domain), "contacts", List.of("not an address")), "contacts[0]");
    assertBadField(with(application("Distro Bad", domain), "contacts", List.of()), "contacts");
    assertBadField(with(application("Distro Bad", domain), "securityAlias", "a@b.example, c@d.example"), "securityAlias");
    assertBadField(with(application("Distro Bad", domain), "trackRecord", " "), "trackRecord");
    assertBadField(with(application("Distro Bad", domain), "vouchedBy", "demo-associate"), "vouchedBy");
    assertBadField(with(application("Distro Bad", domain), "vouchedBy", "nobody-at-all"), "vouchedBy");
    assertBadField(with(application("Distro Bad", domain), "unknown", "x"), "unknown");

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .as("only the good one started").isEqualTo(before + 1);
    String next = applied(application("Distro Numbered Next " + System.nanoTime(), domain));
    assertThat(number(next)).as("no ID used up").isEqualTo(number(first) + 1);
  }

  @Test
  @DisplayName("R25 an organisation on record, removed ones included, or with an application under way: 409")
  void duplicate() {
    String removed = "Distro Removed " + System.nanoTime();
    long id = TestDistributors.imported(http, removed, "x@removed.example");
    http.withBasicAuth("demo-security", "demo-security").delete("/api/v1/distributors/" + id + "?reason=Leaked twice");

    ResponseEntity<Map> again = apply(application(removed.toUpperCase(), domain("removed")));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    String pending = "Distro Pending " + System.nanoTime();
    applied(application(pending, domain("pending")));
    assertThat(apply(application(pending, domain("pending"))).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  @DisplayName("R25 an application by issue or e-mail, recorded with the start form in Tasklist: checked the same way")
  void startForm() {
    TestRestTemplate team = http.withBasicAuth("demo-security", "demo-security");
    String domain = domain("mailed");
    Map<String, Object> values = new HashMap<>(application("Distro Mailed " + System.nanoTime(), domain));
    values.put("contacts", "security@" + domain + "\npsirt@" + domain);
    values.put("vouchedBy", "demo-manager");
    ResponseEntity<String> refused = team.postForEntity("/engine-rest/process-definition/key/" + PROCESS_KEY
        + "/submit-form", Map.of("variables", typed(values)), String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("vouchedBy");

    values.put("vouchedBy", "demo-security");
    ResponseEntity<Map> started = team.postForEntity("/engine-rest/process-definition/key/" + PROCESS_KEY
        + "/submit-form", Map.of("variables", typed(values)), Map.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String applicationId = (String) started.getBody().get("businessKey");
    assertThat(applicationId).matches("DA-\\d{4}-\\d{4,}");
    assertThat(runtimeService.getVariable(cases.instance(applicationId).getId(), "receivedBy")).isEqualTo("demo-security");
    cases.runDueJobs(applicationId);
    assertThat(Arrays.asList(TestSmtp.recipients(single(mailsTo(domain)))))
        .containsExactlyInAnyOrder("security@" + domain, "psirt@" + domain);
    assertThat(task(applicationId, "Task_ReviewApplication")).isNotNull();
  }

  static Map<String, Object> application(String organisation, String domain) {
    Map<String, Object> application = new HashMap<>();
    application.put("organisation", organisation);
    application.put("contacts", List.of("security@" + domain, "psirt@" + domain));
    application.put("securityAlias", "security@" + domain);
    application.put("userBase", "Thousands of clusters at companies of every size");
    application.put("trackRecord", "Security advisories since 2019: https://" + domain + "/advisories");
    application.put("notDownstream", "Our own build of every component, our own patches");
    application.put("activeContributor", "Maintainers of two SIGs, 40 merged PRs this year");
    application.put("embargoPolicyAccepted", true);
    application.put("contributeBack", "We review and test every proposed patch");
    application.put("vouchedBy", "demo-security");
    return application;
  }

  private ResponseEntity<Map> apply(Map<String, Object> application) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/v1/distributor-applications", new HttpEntity<>(application, headers), Map.class);
  }

  /** Applied, the acknowledgement sent: waiting for the review. */
  private String applied(Map<String, Object> application) {
    ResponseEntity<Map> applied = apply(application);
    assertThat(applied.getStatusCode()).as(String.valueOf(applied.getBody())).isEqualTo(HttpStatus.ACCEPTED);
    String applicationId = (String) applied.getBody().get("applicationId");
    cases.runDueJobs(applicationId);
    return applicationId;
  }

  private void assertBadField(Map<String, Object> application, String field) {
    ResponseEntity<Map> refused = apply(application);
    assertThat(refused.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).as(String.valueOf(refused.getBody()))
        .extracting(error -> error.get("field")).contains(field);
  }

  private static Map<String, Object> with(Map<String, Object> application, String field, Object value) {
    Map<String, Object> changed = new HashMap<>(application);
    changed.put(field, value);
    return changed;
  }

  private static Map<String, Object> allMet() {
    Map<String, Object> review = new HashMap<>();
    for (Criterion criterion : Criterion.values()) {
      review.put(criterion.met(), true);
    }
    review.put("reviewOutcome", "ACCEPTED");
    return review;
  }

  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }

  private Task task(String businessKey, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
  }

  private List<String> ledger(String applicationId) {
    return jdbc.sql("select kind || ' ' || status from notification where case_id = :id")
        .param("id", applicationId).query(String.class).list();
  }

  /** The messages to the domain, each once: GreenMail keeps a copy per recipient. */
  private List<MimeMessage> mailsTo(String domain) {
    Map<String, MimeMessage> byId = new java.util.LinkedHashMap<>();
    for (MimeMessage mail : smtp.getReceivedMessagesForDomain(domain)) {
      try {
        byId.putIfAbsent(mail.getMessageID(), mail);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return List.copyOf(byId.values());
  }

  private static String domain(String name) {
    return name + System.nanoTime() + ".example";
  }

  private static long number(String applicationId) {
    return Long.parseLong(applicationId.substring(applicationId.lastIndexOf('-') + 1));
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}

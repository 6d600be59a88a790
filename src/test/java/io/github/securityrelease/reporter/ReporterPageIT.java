package io.github.securityrelease.reporter;

import io.github.securityrelease.web.LinkPages;
import io.github.securityrelease.web.LinkToken;
import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The reporter's page over real SMTP: the link in the receipt opens it, and only a link that works does. */
@OrchestratorIntegrationTest
public class ReporterPageIT {

  /** The page's path in a mail; the host is security-release.public-url's, the test's port differs. */
  public static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/reporter/[A-Za-z0-9_-]{43})");

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  /** What Chromium sends with a form posted from the page itself. */
  static final Map<String, String> FROM_THE_PAGE = Map.of("Sec-Fetch-Site", "same-origin", "Origin", "null");
  private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([A-Za-z0-9_-]{43})\"");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  @DisplayName("R28 the receipt carries the link to the reporter's page: case ID, status in words, dates, escaped, with the security headers")
  void linkFromReceipt() {
    String caseId = newCase("<script>alert(1)</script> & Co", "page-ada@example.net");
    String path = receiptLink("page-ada@example.net", caseId);

    ResponseEntity<String> page = http.getForEntity(path, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains(caseId, "Received: the security team is reading your report", "Report received")
        .doesNotContain("<script", "REPORTING", "page-ada@example.net");
    assertSecurityHeaders(page);
    assertThat(page.getHeaders().getContentType().toString()).isEqualTo("text/html;charset=UTF-8");
  }

  @Test
  @DisplayName("R28 the link's token is kept nowhere but as a hash: neither on the ledger nor in the team's conversation; a receipt retried after a failed delivery carries a working link")
  void retriedReceipt() throws Exception {
    smtp.stop();
    String caseId = newCase("Retried receipt", "page-bob@example.net");
    Job receipt = managementService.createJobQuery().processInstanceId(cases.instance(caseId).getId())
        .activityId("Task_SendReportReceipt").singleResult();
    assertThatThrownBy(() -> managementService.executeJob(receipt.getId())).isNotNull();
    assertThat(LINK.matcher(receiptOnRecord(caseId)).find()).as("no token on the ledger").isFalse();
    assertThat(receiptOnRecord(caseId)).contains(LinkMail.OFF_RECORD);
    smtp.start();
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(6))));
    cases.runDueJobs(caseId);

    String sent = linkIn(mailsTo("page-bob@example.net", caseId).get(0));
    assertThat(http.getForEntity(sent, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    String token = sent.substring(sent.lastIndexOf('/') + 1);
    assertThat(receiptOnRecord(caseId)).doesNotContain(token);
    assertThat(asSecurityTeam(HttpMethod.GET, "/api/v1/cases/" + caseId + "/messages").getBody())
        .contains(LinkMail.OFF_RECORD).doesNotContain(token);
  }

  @Test
  @DisplayName("R28 a wrong, malformed, revoked or expired link answers 404 with one body for all; managers may not revoke (R27)")
  void onlyWorkingLinks() {
    String caseId = newCase("Revoked link", "page-eve@example.net");
    String path = receiptLink("page-eve@example.net", caseId);
    ResponseEntity<String> wrong = http.getForEntity("/reporter/" + LinkToken.generate(), String.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertSecurityHeaders(wrong);
    assertThat(http.getForEntity("/reporter/not-a-token", String.class).getBody()).isEqualTo(wrong.getBody());

    ResponseEntity<String> byManager = http.withBasicAuth("demo-manager", "demo-manager")
        .exchange("/api/v1/cases/" + caseId + "/reporter-link", HttpMethod.DELETE, null, String.class);
    assertThat(byManager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity(path, String.class).getStatusCode()).as("a manager changed nothing").isEqualTo(HttpStatus.OK);

    assertThat(asSecurityTeam(HttpMethod.DELETE, "/api/v1/cases/" + caseId + "/reporter-link").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> revoked = http.getForEntity(path, String.class);
    assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(revoked.getBody()).isEqualTo(wrong.getBody());
    assertThat(asSecurityTeam(HttpMethod.DELETE, "/api/v1/cases/SEC-1999-0001/reporter-link").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  @DisplayName("R28 the team renews the link: the old one dies at once, the new one is mailed from a job and works; managers may not (R27)")
  void renewedLink() {
    String caseId = newCase("Renewed link", "page-kim@example.net");
    String old = receiptLink("page-kim@example.net", caseId);
    assertThat(http.withBasicAuth("demo-manager", "demo-manager")
        .exchange("/api/v1/cases/" + caseId + "/reporter-link", HttpMethod.POST, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("reporter-link")
        .variableValueEquals("caseId", caseId).count()).as("a manager started nothing").isZero();

    assertThat(asSecurityTeam(HttpMethod.POST, "/api/v1/cases/" + caseId + "/reporter-link").getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    assertThat(http.getForEntity(old, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(mailsTo("page-kim@example.net", caseId)).as("nothing sent on the request thread").hasSize(1);
    runtimeService.createProcessInstanceQuery().processDefinitionKey("reporter-link")
        .variableValueEquals("caseId", caseId).list()
        .forEach(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).list()
            .forEach(job -> managementService.executeJob(job.getId())));

    List<MimeMessage> mails = mailsTo("page-kim@example.net", caseId);
    assertThat(mails).hasSize(2);
    assertThat(TestSmtp.subject(mails.get(1))).isEqualTo("[" + caseId + "] A new link to your page for this report");
    String renewed = linkIn(mails.get(1));
    assertThat(renewed).isNotEqualTo(old);
    assertThat(http.getForEntity(renewed, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ledger(caseId)).extracting(row -> row.get("kind") + " " + row.get("status"))
        .containsExactly("REPORT_RECEIPT SENT", "REPORTER_LINK SENT");
  }

  @Test
  @DisplayName("R28 the link expires the configured time (P90D) after a case ended without disclosure, and answers 404 then")
  void expiredLink() {
    String caseId = newCase("Expiring link", "page-lee@example.net");
    String path = receiptLink("page-lee@example.net", caseId);
    // ended as a rejection ends it: no disclosure date
    runtimeService.deleteProcessInstance(cases.instance(caseId).getId(), "ended by ReporterPageIT");
    Instant ended = ClockUtil.getCurrentTime().toInstant();
    ClockUtil.setCurrentTime(Date.from(ended.plus(Duration.ofDays(89))));
    assertThat(http.getForEntity(path, String.class).getBody()).as("the page says when it closes")
        .contains("This page closes on");
    ClockUtil.setCurrentTime(Date.from(ended.plus(Duration.ofDays(90)).plusSeconds(60)));
    assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  @DisplayName("R28 the reporter answers on the page: a message IN from the page, after the team's, shown escaped; the team alerted as for a mail")
  void answerOnPage() {
    String reporter = "page-ann@example.net";
    String caseId = newCase("Answered on the page", reporter);
    String path = receiptLink(reporter, caseId);
    write(caseId, "Which version do you run?");
    cases.runConversationJobs(caseId);

    ResponseEntity<String> sent = answer(path, nonceOn(path), "v0.6.0 <b>on arm64</b>\nThanks!", FROM_THE_PAGE);
    assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(sent.getHeaders().getLocation()).hasToString(path);

    List<Map<String, Object>> messages = messages(caseId);
    assertThat(messages).extracting(m -> m.get("direction") + " " + m.get("source"))
        .containsExactly("OUT MAIL", "OUT MAIL", "IN PAGE");
    assertThat(messages.get(2)).containsEntry("from", reporter).containsEntry("body", "v0.6.0 <b>on arm64</b>\nThanks!");
    String page = http.getForEntity(path, String.class).getBody();
    assertThat(page).contains("The security team wrote", "Which version do you run?", "You wrote",
        "v0.6.0 &lt;b&gt;on arm64&lt;/b&gt;").doesNotContain("<b>on arm64");
    assertThat(page.indexOf("Which version do you run?")).as("oldest first").isLessThan(page.indexOf("You wrote"));

    cases.runConversationJobs(caseId);
    assertThat(ledger(caseId)).filteredOn(row -> "REPORTER_ANSWERED".equals(row.get("kind")))
        .singleElement().satisfies(row -> {
          assertThat(row.get("status")).isEqualTo("SENT");
          assertThat((String) row.get("body")).as("the alert leaves the text out").doesNotContain("arm64");
        });
  }

  @Test
  @DisplayName("R28 the same form sent twice is one message; the next page's form is a new one")
  void doubleSubmit() {
    String caseId = newCase("Sent twice", "page-two@example.net");
    String path = receiptLink("page-two@example.net", caseId);
    String nonce = nonceOn(path);
    assertThat(answer(path, nonce, "Once.", FROM_THE_PAGE).getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(answer(path, nonce, "Once.", FROM_THE_PAGE).getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
    String next = nonceOn(path);
    assertThat(next).isNotEqualTo(nonce);
    assertThat(answer(path, next, "Twice.", FROM_THE_PAGE).getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(messagesIn(caseId)).extracting(m -> m.get("body"))
        .containsExactly("Once.", "Twice.");
  }

  @Test
  @DisplayName("R3 R28 while \"Ask reporter for private handling\" waits, the answer on the page is shown in that task")
  void answerInPrivateHandlingTask() {
    Map<String, Object> publicReport = new HashMap<>(report("Public already, page", "page-pub@example.net"));
    publicReport.put("publiclyDisclosed", true);
    publicReport.put("publicReference", "https://example.net/issues/2");
    String caseId = (String) post(http, publicReport).getBody().get("caseId");
    String path = receiptLink("page-pub@example.net", caseId);
    var task = taskService.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey("Task_AskReporterForPrivateHandling").singleResult();
    assertThat(task).isNotNull();

    assertThat(answer(path, nonceOn(path), "Yes, privately please.", FROM_THE_PAGE).getStatusCode())
        .isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(taskService.getVariable(task.getId(), "reporterAnswer")).isEqualTo("Yes, privately please.");
  }

  @Test
  @DisplayName("R28 a team alert never reaches the page, not even when the reporter's address is a member's")
  void onlyTheReportersMails() {
    String member = "demo-security@example.org";
    String caseId = newCase("Reported by a member", member);
    String path = receiptLink(member, caseId);
    assertThat(answer(path, nonceOn(path), "Noted.", FROM_THE_PAGE).getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
    cases.runConversationJobs(caseId);
    assertThat(messages(caseId)).as("the team's own list has the alert to the member's address")
        .anyMatch(m -> String.valueOf(m.get("body")).contains("A message for the security team arrived"));

    String page = http.getForEntity(path, String.class).getBody();
    assertThat(page).contains("Thank you for reporting a suspected vulnerability", "Noted.")
        .doesNotContain("A message for the security team");
  }

  @Test
  @DisplayName("R28 the answer is held to the text limits: empty, over 4000 characters or with NUL is a 400 page, nothing recorded")
  void answerLimits() {
    String caseId = newCase("Limits of an answer", "page-lim@example.net");
    String path = receiptLink("page-lim@example.net", caseId);
    String nonce = nonceOn(path);
    for (String text : List.of(" ", "x".repeat(4001), "a\u0000b")) {
      ResponseEntity<String> refused = answer(path, nonce, text, FROM_THE_PAGE);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("Your answer was not sent", "Back to your page");
      assertSecurityHeaders(refused);
    }
    assertThat(answer(path, "not-a-nonce", "Hello", FROM_THE_PAGE).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer(path, nonce, "x".repeat(4000), FROM_THE_PAGE).getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(messagesIn(caseId)).hasSize(1);
  }

  @Test
  @DisplayName("R28 a form body over the web package's limit is 413, one of no declared length 411; nothing recorded")
  void bodyLimits() {
    String caseId = newCase("Body limits", "page-big@example.net");
    String path = receiptLink("page-big@example.net", caseId);
    HttpHeaders headers = headers(FROM_THE_PAGE);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    byte[] big = ("nonce=" + nonceOn(path) + "&text=" + "x".repeat(70 * 1024)).getBytes(StandardCharsets.US_ASCII);
    assertThat(http.exchange(path + "/answer", HttpMethod.POST, new HttpEntity<>(big, headers), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    InputStreamResource chunked = new InputStreamResource(new ByteArrayInputStream(
        ("nonce=" + nonceOn(path) + "&text=chunked").getBytes(StandardCharsets.US_ASCII)));
    assertThat(http.exchange(path + "/answer", HttpMethod.POST, new HttpEntity<>(chunked, headers), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.LENGTH_REQUIRED);
    assertThat(messagesIn(caseId)).isEmpty();
  }

  @Test
  @DisplayName("R28 a form from another site is refused (403) and records nothing: Sec-Fetch-Site decides, else Origin must be the public URL's")
  void crossSite() {
    String caseId = reportedWithCredit("Cross-site", "page-csrf@example.net", "Ada");
    String path = receiptLink("page-csrf@example.net", caseId);
    String nonce = nonceOn(path);
    List<Map<String, String>> forged = List.of(
        Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"),
        Map.of("Sec-Fetch-Site", "same-site", "Origin", "https://evil.localhost"),
        Map.of("Sec-Fetch-Site", "cross-site", "Origin", "http://localhost:8080"),
        Map.of("Origin", "https://evil.example"),
        Map.of("Origin", "null"),
        Map.of());
    for (Map<String, String> headers : forged) {
      ResponseEntity<String> refused = answer(path, nonce, "Forged", headers);
      assertThat(refused.getStatusCode()).as(headers.toString()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).contains("This form can only be sent from your page");
      assertThat(credit(path, "Eve", headers).getStatusCode()).as(headers.toString()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(messagesIn(caseId)).isEmpty();
    assertThat(runtimeService.getVariable(cases.instance(caseId).getId(), "credit")).isEqualTo("Ada");

    // a browser without Sec-Fetch-Site: its Origin, the public URL's (security-release.public-url)
    assertThat(answer(path, nonce, "From an older browser", Map.of("Origin", "http://localhost:8080"))
        .getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(messagesIn(caseId)).hasSize(1);
  }

  @Test
  @DisplayName("R28 a form posted with a wrong, malformed or revoked link is 404 with the page's body, and records nothing")
  void wrongTokenPost() {
    String caseId = newCase("Wrong token post", "page-404@example.net");
    String path = receiptLink("page-404@example.net", caseId);
    String nonce = nonceOn(path);
    String notFound = http.getForEntity("/reporter/" + LinkToken.generate(), String.class).getBody();
    Integer before = jdbc.queryForObject("select count(*) from reporter_message", Integer.class);
    for (String wrong : List.of("/reporter/" + LinkToken.generate(), "/reporter/not-a-token")) {
      ResponseEntity<String> answered = answer(wrong, nonce, "Hello", FROM_THE_PAGE);
      assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(answered.getBody()).isEqualTo(notFound);
      assertThat(credit(wrong, "Eve", FROM_THE_PAGE).getBody()).isEqualTo(notFound);
    }
    assertThat(asSecurityTeam(HttpMethod.DELETE, "/api/v1/cases/" + caseId + "/reporter-link").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> revoked = answer(path, nonce, "Hello", FROM_THE_PAGE);
    assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(revoked.getBody()).isEqualTo(notFound);
    assertThat(credit(path, "Eve", Map.of("Sec-Fetch-Site", "cross-site")).getStatusCode())
        .as("the token before the origin").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(jdbc.queryForObject("select count(*) from reporter_message", Integer.class)).isEqualTo(before);
    assertThat(runtimeService.getVariable(cases.instance(caseId).getId(), "credit")).isNull();
  }

  @Test
  @DisplayName("R28 the reporter changes their credit on the page: in the advisory, on record by \"reporter\"; an invalid one 400; once public final (409)")
  void creditOnPage() throws Exception {
    String caseId = reportedWithCredit("Credit on the page", "page-cred@example.net", "Ada");
    String path = receiptLink("page-cred@example.net", caseId);
    String instance = cases.instance(caseId).getId();
    runtimeService.setVariable(instance, "cveId", "CVE-2026-12348");
    assertThat(http.getForEntity(path, String.class).getBody()).contains("You are credited as <strong>Ada</strong>");

    ResponseEntity<String> changed = credit(path, "  Ada L. (@ada) ", FROM_THE_PAGE);
    assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(changed.getHeaders().getLocation()).hasToString(path);
    assertThat(osvCredit(caseId)).isEqualTo("Ada L. (@ada)");
    assertThat(runtimeService.getVariable(instance, "creditCorrectedBy")).isEqualTo("reporter");
    assertThat(http.getForEntity(path, String.class).getBody()).contains("value=\"Ada L. (@ada)\"");

    for (String bad : List.of("two\nlines", "x".repeat(201))) {
      ResponseEntity<String> refused = credit(path, bad, FROM_THE_PAGE);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("Your credit was not changed");
    }
    assertThat(runtimeService.getVariable(instance, "credit")).isEqualTo("Ada L. (@ada)");

    for (String status : List.of("PUBLIC_DISCLOSURE", "DISCLOSED")) {
      runtimeService.setVariable(instance, "status", status);
      String page = http.getForEntity(path, String.class).getBody();
      assertThat(page).as(status).contains("Your credit is final").doesNotContain("id=\"credit-form\"");
      ResponseEntity<String> refused = credit(path, "Eve", FROM_THE_PAGE);
      assertThat(refused.getStatusCode()).as(status).isEqualTo(HttpStatus.CONFLICT);
      assertThat(refused.getBody()).contains("Your credit is final");
    }
    assertThat(runtimeService.getVariable(instance, "credit")).isEqualTo("Ada L. (@ada)");

    // the empty credit: not named (before the case is public)
    runtimeService.setVariable(instance, "status", "REPORTING");
    assertThat(credit(path, "", FROM_THE_PAGE).getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(runtimeService.getVariable(instance, "credit")).isNull();
    assertThat(http.getForEntity(path, String.class).getBody()).contains("You are not named in the advisory");
  }

  private static void assertSecurityHeaders(ResponseEntity<String> page) {
    assertThat(page.getHeaders().get("Content-Security-Policy")).containsExactly(LinkPages.POLICY);
    // the token leaves the service's origin in no Referer; within it, the forms carry their Origin
    assertThat(page.getHeaders().get("Referrer-Policy")).containsExactly("same-origin");
    assertThat(page.getHeaders().getCacheControl()).contains("no-store");
    assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  private String reportedWithCredit(String title, String reporter, String credit) {
    Map<String, Object> report = new HashMap<>(report(title, reporter));
    report.put("credit", credit);
    return (String) post(http, report).getBody().get("caseId");
  }

  /** The one-time key of the answer form on the page at {@code path}, as a browser gets it. */
  private String nonceOn(String path) {
    Matcher nonce = NONCE.matcher(http.getForEntity(path, String.class).getBody());
    assertThat(nonce.find()).isTrue();
    return nonce.group(1);
  }

  private ResponseEntity<String> answer(String path, String nonce, String text, Map<String, String> headers) {
    return form(path + "/answer", Map.of("nonce", nonce, "text", text), headers);
  }

  private ResponseEntity<String> credit(String path, String credit, Map<String, String> headers) {
    return form(path + "/credit", Map.of("credit", credit), headers);
  }

  /** A form as a browser posts it, redirects not followed. */
  private ResponseEntity<String> form(String path, Map<String, String> fields, Map<String, String> headers) {
    MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
    fields.forEach(body::add);
    HttpHeaders all = headers(headers);
    all.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.withRedirects(Redirects.DONT_FOLLOW).exchange(path, HttpMethod.POST, new HttpEntity<>(body, all),
        String.class);
  }

  private static HttpHeaders headers(Map<String, String> values) {
    HttpHeaders headers = new HttpHeaders();
    values.forEach(headers::set);
    return headers;
  }

  private void write(String caseId, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.withBasicAuth("demo-security", "demo-security").exchange("/api/v1/cases/" + caseId + "/messages",
        HttpMethod.POST, new HttpEntity<>(Map.of("body", body), headers), String.class).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
  }

  private List<Map<String, Object>> messages(String caseId) {
    return http.withBasicAuth("demo-security", "demo-security")
        .exchange("/api/v1/cases/" + caseId + "/messages", HttpMethod.GET, null,
            new ParameterizedTypeReference<List<Map<String, Object>>>() {})
        .getBody();
  }

  /** What the reporter wrote, as the API lists it. */
  private List<Map<String, Object>> messagesIn(String caseId) {
    return messages(caseId).stream().filter(m -> "IN".equals(m.get("direction"))).toList();
  }

  private String osvCredit(String caseId) throws Exception {
    ResponseEntity<String> osv = http.withBasicAuth("demo-security", "demo-security")
        .getForEntity("/api/v1/cases/" + caseId + "/advisory?draft=true&format=osv", String.class);
    assertThat(osv.getStatusCode()).as(osv.getBody()).isEqualTo(HttpStatus.OK);
    return MAPPER.readTree(osv.getBody()).at("/credits/0/name").asText();
  }

  private String newCase(String title, String reporter) {
    return (String) post(http, report(title, reporter)).getBody().get("caseId");
  }

  /** The path of the link in the case's receipt, once its job ran. */
  private String receiptLink(String reporter, String caseId) {
    cases.runDueJobs(caseId);
    return linkIn(mailsTo(reporter, caseId).get(0));
  }

  private String receiptOnRecord(String caseId) {
    return (String) ledger(caseId).get(0).get("body");
  }

  private ResponseEntity<String> asSecurityTeam(HttpMethod method, String path) {
    return http.withBasicAuth("demo-security", "demo-security").exchange(path, method, null, String.class);
  }

  private List<Map<String, Object>> ledger(String caseId) {
    return http.withBasicAuth("demo-security", "demo-security")
        .exchange("/api/v1/cases/" + caseId + "/notifications", HttpMethod.GET, null,
            new ParameterizedTypeReference<List<Map<String, Object>>>() {})
        .getBody();
  }

  private static List<MimeMessage> mailsTo(String reporter, String caseId) {
    return TestSmtp.receivedBy(smtp, reporter).stream()
        .filter(mail -> TestSmtp.subject(mail).contains(caseId)).toList();
  }

  /** The page's path in a mail's text (the host is the configured public URL's). */
  public static String linkIn(MimeMessage mail) {
    try {
      // decoded: a quoted-printable soft break must not cut the link
      return linkIn((String) mail.getContent());
    } catch (java.io.IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String linkIn(String text) {
    Matcher link = LINK.matcher(text);
    assertThat(link.find()).as("a link to the reporter's page in:\n%s", text).isTrue();
    return link.group(1);
  }
}

package io.github.securityrelease.reporter;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

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
  @DisplayName("R28 a receipt retried after a failed delivery carries the token on record, and it works: one link, the ledger's")
  void retriedReceipt() throws Exception {
    smtp.stop();
    String caseId = newCase("Retried receipt", "page-bob@example.net");
    Job receipt = managementService.createJobQuery().processInstanceId(cases.instance(caseId).getId())
        .activityId("Task_SendReportReceipt").singleResult();
    assertThatThrownBy(() -> managementService.executeJob(receipt.getId())).isNotNull();
    String recorded = linkIn(receiptOnRecord(caseId));
    smtp.start();
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(6))));
    cases.runDueJobs(caseId);

    assertThat(linkIn(mailsTo("page-bob@example.net", caseId).get(0))).as("the mail is the text on record")
        .isEqualTo(recorded);
    assertThat(http.getForEntity(recorded, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
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

  private static void assertSecurityHeaders(ResponseEntity<String> page) {
    assertThat(page.getHeaders().get("Content-Security-Policy")).containsExactly(ReporterPageController.POLICY);
    assertThat(page.getHeaders().get("Referrer-Policy")).containsExactly("no-referrer");
    assertThat(page.getHeaders().getCacheControl()).contains("no-store");
    assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
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

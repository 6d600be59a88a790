package io.github.securityrelease.browser;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.reporter.ReporterPageIT;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** The reporter's page in a real browser, opened from the link in the receipt. */
@OrchestratorIntegrationTest
@Tag(OrchestratorIntegrationTest.BROWSER)
class ReporterPageBrowserIT {

  @RegisterExtension
  static Browser browser = new Browser();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;

  @Test
  @DisplayName("R28 the reporter opens the link from the receipt: case ID, status in words and dates, the text inert, no script")
  void openFromReceipt() {
    String caseId = (String) post(http, report("<img src=x onerror=alert(1)> in the fleet log", "browser-ada@example.net"))
        .getBody().get("caseId");
    cases.runDueJobs(caseId);
    List<MimeMessage> receipts = TestSmtp.receivedBy(smtp, "browser-ada@example.net").stream()
        .filter(mail -> TestSmtp.subject(mail).contains(caseId)).toList();
    assertThat(receipts).hasSize(1);

    browser.open("http://localhost:" + port + ReporterPageIT.linkIn(receipts.get(0)));
    assertThat(browser.visible(By.id("caseId")).getText()).isEqualTo(caseId);
    assertThat(browser.driver().getTitle()).isEqualTo("Your report " + caseId);
    assertThat(browser.driver().findElement(By.id("status")).getText())
        .isEqualTo("Received: the security team is reading your report");
    assertThat(browser.driver().findElement(By.id("dates")).getText()).contains("Report received", "UTC");
    assertThat(browser.driver().findElements(By.tagName("script"))).as("no script").isEmpty();
    assertThat(browser.driver().findElements(By.tagName("img"))).as("no markup from the report").isEmpty();
    browser.screenshot("30-reporter-page");

    browser.open("http://localhost:" + port + "/reporter/" + "A".repeat(43));
    assertThat(browser.visible(By.tagName("body")).getText()).isEqualTo("Not found.");
  }

  @Test
  @DisplayName("R28 on the page from the receipt the reporter reads the team's message, answers it and changes the credit, with no account")
  void answerAndCredit() {
    String reporter = "browser-bob@example.net";
    Map<String, Object> report = new HashMap<>(report("Answered in the browser", reporter));
    report.put("credit", "Bob");
    String caseId = (String) post(http, report).getBody().get("caseId");
    cases.runDueJobs(caseId);
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    http.withBasicAuth("demo-security", "demo-security").exchange("/api/v1/cases/" + caseId + "/messages",
        HttpMethod.POST, new HttpEntity<>(Map.of("body", "Which <em>version</em> do you run?"), json), String.class);
    cases.runConversationJobs(caseId);
    MimeMessage receipt = TestSmtp.receivedBy(smtp, reporter).stream()
        .filter(mail -> TestSmtp.subject(mail).contains(caseId)).findFirst().orElseThrow();

    String page = "http://localhost:" + port + ReporterPageIT.linkIn(receipt);
    browser.open(page);
    assertThat(browser.visible(By.id("messages")).getText())
        .contains("The security team wrote", "Which <em>version</em> do you run?");
    assertThat(browser.driver().findElements(By.tagName("em"))).as("the team's text inert too").isEmpty();

    browser.type(By.id("text"), "v0.6.0 on arm64.\nThanks!");
    browser.clickable(By.cssSelector("#answer button[type=submit]")).click();
    browser.until("the answer on the page", driver -> driver.getCurrentUrl().equals(page)
        && driver.findElement(By.id("messages")).getText().contains("You wrote"));
    assertThat(browser.visible(By.id("messages")).getText()).contains("v0.6.0 on arm64.\nThanks!");
    assertThat(browser.driver().findElement(By.id("text")).getText()).as("a fresh form").isEmpty();
    browser.screenshot("30-reporter-page-answered");

    assertThat(browser.visible(By.id("credit")).getText()).isEqualTo("You are credited as Bob in the advisory.");
    browser.type(By.id("credit-input"), "Bob B. (@bob)");
    browser.clickable(By.cssSelector("#credit-form button[type=submit]")).click();
    browser.until("the new credit", driver -> driver.findElement(By.id("credit")).getText().contains("Bob B. (@bob)"));
    assertThat(runtimeService.getVariable(cases.instance(caseId).getId(), "credit")).isEqualTo("Bob B. (@bob)");
  }
}

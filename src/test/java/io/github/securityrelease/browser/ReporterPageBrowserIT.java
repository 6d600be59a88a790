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
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

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
}

package io.github.securityrelease.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public report page in a real browser: what a reporter types becomes a case. */
@OrchestratorIntegrationTest
@Tag(OrchestratorIntegrationTest.BROWSER)
class ReportPageBrowserIT {

  @RegisterExtension
  static Browser browser = new Browser();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @LocalServerPort int port;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;

  @Test
  @DisplayName("R1 a report typed into /report becomes a case: the page shows its ID, the reporter gets the receipt")
  void reportThroughThePage() {
    browser.open("http://localhost:" + port + "/report");
    browser.visible(By.id("report"));
    assertThat(browser.driver().getTitle()).isEqualTo("Report a vulnerability");
    browser.screenshot("01-report-page");

    browser.type(By.id("title"), "Fleet controller logs kubeconfig tokens");
    browser.type(By.id("whatHappened"), "The fleet controller writes each attached cluster's kubeconfig token to its log.");
    browser.type(By.id("expected"), "No credentials in the logs.");
    browser.type(By.id("howToReproduce"), "Attach a cluster to a fleet, then run: kubectl logs deploy/fleet-manager");
    browser.type(By.id("productVersion"), "v0.6.0");
    browser.type(By.id("kubectlVersion"), "v1.29.1");
    browser.type(By.id("reporterName"), "Ada Reporter");
    browser.type(By.id("reporterEmail"), "ada@example.net");

    // the server's refusal shown on the page, naming the field by its label: public, but no link
    long before = runtimeService.createProcessInstanceQuery().count();
    browser.clickable(By.id("publiclyDisclosed")).click();
    browser.clickable(By.cssSelector("#report button[type=submit]")).click();
    String errors = browser.visible(By.id("errors")).getText();
    assertThat(errors).contains("The report was not sent", "Where (a link)");
    assertThat(browser.driver().findElement(By.id("publicReference")).getAttribute("aria-invalid")).isEqualTo("true");
    browser.screenshotAll("02-report-page-refused");
    assertThat(runtimeService.createProcessInstanceQuery().count()).as("a refused report starts nothing").isEqualTo(before);

    browser.clickable(By.id("publiclyDisclosed")).click();
    browser.screenshotAll("03-report-page-filled");
    browser.clickable(By.cssSelector("#report button[type=submit]")).click();
    String caseId = browser.visible(By.id("caseId")).getText();
    assertThat(caseId).matches("SEC-\\d{4}-\\d{4,}");
    assertThat(browser.driver().findElement(By.id("result")).getText())
        .contains("Your report is case " + caseId, "The security team will acknowledge it by");
    assertThat(browser.driver().findElement(By.id("dueBy")).getText()).as("the deadline, in the reader's time")
        .isNotBlank().doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
    assertThat(browser.driver().findElement(By.id("report")).isDisplayed()).as("the form is replaced").isFalse();
    browser.screenshot("04-report-page-case-id");

    ProcessInstance instance = cases.instance(caseId);
    assertThat(instance).as("the case " + caseId + " exists").isNotNull();
    Map<String, Object> variables = runtimeService.getVariables(instance.getId());
    assertThat(variables)
        .containsEntry("caseId", caseId)
        .containsEntry("status", "REPORTING")
        .containsEntry("title", "Fleet controller logs kubeconfig tokens")
        .containsEntry("howToReproduce", "Attach a cluster to a fleet, then run: kubectl logs deploy/fleet-manager")
        .containsEntry("productVersion", "v0.6.0")
        .containsEntry("kubectlVersion", "v1.29.1")
        .containsEntry("reporterName", "Ada Reporter")
        .containsEntry("reporterEmail", "ada@example.net")
        .containsEntry("publiclyDisclosed", false);

    cases.runDueJobs(caseId);
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(TestSmtp::subject))
        .containsExactly("[" + caseId + "] We received your vulnerability report");
  }
}

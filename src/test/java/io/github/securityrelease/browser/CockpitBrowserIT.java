package io.github.securityrelease.browser;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.WebappSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager in Camunda Cockpit, in a real browser: the process diagram drawn by bpmn-js with
 * the number of cases waiting at each step, and a case's own diagram without its details (R27);
 * no button for what the engine refuses (the webapp's index.html, docs/webapps.md).
 */
@OrchestratorIntegrationTest
@Tag(OrchestratorIntegrationTest.BROWSER)
class CockpitBrowserIT {

  private static final String SECRET_TITLE = "Token leak in controller logs";

  @RegisterExtension
  static Browser browser = new Browser();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;

  @Test
  @DisplayName("R27 a manager sees in Cockpit where each case waits, on the diagram, but not what the report says")
  void casesOnTheDiagram() {
    String first = newCase();
    String second = newCase();
    String validating = newCase();
    TestCases.assertCompleted(cases.submit(http, "demo-security", validating, "Task_AcknowledgeReport",
        Map.of("acknowledgementMessage", "Thank you: we are reproducing it.")));
    cases.runDueJobs(validating);
    assertThat(runtimeService.getActiveActivityIds(cases.instance(first).getId())).containsExactly("Task_AcknowledgeReport");
    assertThat(runtimeService.getActiveActivityIds(cases.instance(validating).getId())).containsExactly("Task_ValidateReport");

    browser.logInToCamunda("http://localhost:" + port, "cockpit", "demo-manager", "demo-manager", "13-cockpit-login");
    browser.expectServiceHeader("Cockpit");
    browser.clickable(By.cssSelector("a[href='#/processes']")).click();
    WebElement definition = browser.clickable(By.xpath("//a[normalize-space(.) = 'Vulnerability handling']"));
    browser.screenshot("14-cockpit-processes");
    definition.click();

    // the whole model drawn, each waiting step with its count of cases (these three and any others)
    String definitionId = cases.instance(first).getProcessDefinitionId();
    browser.visible(shape("StartEvent_ReportReceived"));
    browser.visible(shape("Task_PlanDisclosure"));
    for (String activityId : List.of("Task_AcknowledgeReport", "Task_ValidateReport", "Task_DevelopRemediation")) {
      String waiting = waiting(definitionId, activityId);
      browser.until(waiting + " cases at " + activityId, driver -> Objects.equals(waiting, count(activityId)));
    }
    browser.until("the three cases listed", driver -> businessKeys().containsAll(List.of(first, second, validating)));
    assertThat(browser.driver().getPageSource()).doesNotContain(SECRET_TITLE);
    browser.screenshot("15-cockpit-process-definition");

    // the same page zoomed in on the first phases, as Cockpit keeps a zoom in its link (viewbox)
    browser.open(browser.driver().getCurrentUrl().replaceFirst("#/.*", "") + "#/process-definition/" + definitionId
        + "/runtime?viewbox=" + URLEncoder.encode(viewbox(definitionId, "StartEvent_ReportReceived",
            "Task_AcknowledgeReport", "Task_ValidateReport", "Task_AssessSeverity"), StandardCharsets.UTF_8));
    browser.driver().navigate().refresh(); // the diagram reads the viewbox when it is drawn
    browser.until("zoomed in", driver -> browser.driver().findElement(shape("Task_ValidateReport")).getRect().getWidth() > 80);
    browser.until("the cases at Acknowledge report, zoomed in",
        driver -> Objects.equals(waiting(definitionId, "Task_AcknowledgeReport"), count("Task_AcknowledgeReport")));
    browser.until("the cases at Validate report, zoomed in",
        driver -> Objects.equals(waiting(definitionId, "Task_ValidateReport"), count("Task_ValidateReport")));
    browser.screenshot("16-cockpit-process-definition-zoomed");

    browser.clickable(By.xpath("//tr[td[contains(@class, 'business-key')][normalize-space(.) = '" + validating + "']]"
        + "/td[contains(@class, 'instance-id')]//a")).click();
    browser.until("the case's own diagram", driver -> driver.getCurrentUrl().contains(
        "#/process-instance/" + cases.instance(validating).getId()));
    browser.until("the case at Validate report", driver -> "1".equals(count("Task_ValidateReport")));
    browser.until("its join waits", driver -> "1".equals(count("Gateway_ReportAssessed")));
    assertThat(browser.driver().findElements(badge("Task_AcknowledgeReport"))).as("only this case").isEmpty();
    browser.visible(By.xpath("//*[normalize-space(.) = 'No process variables']"));
    assertThat(browser.driver().getPageSource()).as("R27 no report details for managers").doesNotContain(SECRET_TITLE);
    browser.screenshot("17-cockpit-case");
  }

  @Test
  @DisplayName("Cockpit shows managers and operators no button to cancel, suspend or modify a case, its model or"
      + " its jobs, nor to delete a deployment, which the engine refuses to every group; Retry stays, for operators")
  void noButtonsTheEngineRefuses() {
    ProcessInstance instance = cases.instance(newCase());
    String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
    for (String user : List.of("demo-manager", "demo-operator")) {
      browser.logInToCamunda("http://localhost:" + port, "cockpit", user, user, "20-cockpit-login-" + user);
      browser.expectServiceHeader("Cockpit");

      browser.open(cockpit + "#/process-instance/" + instance.getId() + "/runtime");
      browser.until("the case at Acknowledge report", driver -> "1".equals(count("Task_AcknowledgeReport")));
      // the operators' Retry (RETRY_JOB) is Camunda's view for every group: refused to a manager by the engine
      assertThat(toolbar()).as(user + ": the case's buttons").containsExactly("Increment Number of Retries of Failed Jobs");
      browser.screenshot("21-cockpit-case-buttons-" + user);

      browser.open(cockpit + "#/process-definition/" + instance.getProcessDefinitionId()
          + "/runtime?detailsTab=job-definition-table");
      browser.visible(By.xpath("//td[contains(@class, 'activity')]//a[normalize-space(.) = 'Send receipt to reporter']"));
      assertThat(toolbar()).as(user + ": the model's buttons").isEmpty();
      assertThat(browser.driver().findElements(By.cssSelector("td.action *"))).as(user + ": the jobs' buttons").isEmpty();
      browser.screenshot("22-cockpit-job-definitions-" + user);

      browser.open(cockpit + "#/repository");
      browser.visible(By.cssSelector(".deployment h4.name"));
      assertThat(browser.driver().findElements(By.cssSelector(".deployment .actions *"))).as(user + ": a deployment's buttons")
          .isEmpty();
      browser.screenshot("23-cockpit-deployments-" + user);
    }

    // the buttons gone were of no use: RefusedRequestsIT proves the engine refuses the case's and
    // the model's changes to every group, and so it refuses deleting the case's deployment (to
    // the admin, who may not even see it, as not found)
    String deployment = repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId();
    for (String user : List.of("demo-manager", "demo-operator", "demo-admin")) {
      assertThat(WebappSession.login(port, "cockpit", user, user).engine("DELETE", "/deployment/" + deployment + "?cascade=true", null)
          .statusCode()).as(user + " deletes the deployment").isIn(403, 404);
    }
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment).count()).as("the deployment").isOne();
  }

  private String newCase() {
    String caseId = (String) post(http, report(SECRET_TITLE, "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(caseId);
    return caseId;
  }

  /**
   * Cockpit's {@code viewbox} parameter: the diagram's part around the elements (their bounds
   * in the model's diagram interchange), keyed by the id of the model's definitions.
   */
  private String viewbox(String definitionId, String... elementIds) {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionId);
    double left = Double.MAX_VALUE;
    double top = Double.MAX_VALUE;
    double right = 0;
    double bottom = 0;
    for (String id : elementIds) {
      Bounds bounds = model.getModelElementsByType(BpmnShape.class).stream()
          .filter(shape -> shape.getBpmnElement().getId().equals(id)).findFirst().orElseThrow().getBounds();
      left = Math.min(left, bounds.getX());
      top = Math.min(top, bounds.getY());
      right = Math.max(right, bounds.getX() + bounds.getWidth());
      bottom = Math.max(bottom, bounds.getY() + bounds.getHeight());
    }
    int margin = 60;
    return String.format(Locale.ROOT, "{\"%s\":{\"x\":%.0f,\"y\":%.0f,\"width\":%.0f,\"height\":%.0f}}",
        model.getDefinitions().getId(), left - margin, top - margin, right - left + 2 * margin, bottom - top + 2 * margin);
  }

  /** The activity's shape in bpmn-js's SVG. */
  private static By shape(String activityId) {
    return By.cssSelector(".djs-container svg g.djs-element[data-element-id='" + activityId + "']");
  }

  /** Cockpit's count of the cases waiting at the activity, a badge overlaid on its shape. */
  private static By badge(String activityId) {
    return By.cssSelector(".djs-overlays[data-container-id='" + activityId + "'] .badge.instance-count");
  }

  /**
   * What Cockpit should count at the activity: the engine's own statistics of the model, this
   * test's cases and those the other ITs left there (they share the database).
   */
  private String waiting(String definitionId, String activityId) {
    return managementService.createActivityStatisticsQuery(definitionId).list().stream()
        .filter(statistics -> statistics.getId().equals(activityId))
        .map(statistics -> String.valueOf(statistics.getInstances())).findFirst().orElse(null);
  }

  private String count(String activityId) {
    List<WebElement> badges = browser.driver().findElements(badge(activityId));
    return badges.isEmpty() || !badges.get(0).isDisplayed() ? null : badges.get(0).getText().trim();
  }

  /** The tooltips of the buttons in the page's toolbar, where Cockpit puts the actions on what the page shows. */
  private List<String> toolbar() {
    return browser.driver().findElements(By.cssSelector(".ctn-toolbar view a, .ctn-toolbar view button")).stream()
        .map(button -> button.getAttribute("uib-tooltip")).toList();
  }

  private List<String> businessKeys() {
    return browser.driver().findElements(By.cssSelector("td.business-key")).stream()
        .map(cell -> cell.getText().trim()).toList();
  }
}

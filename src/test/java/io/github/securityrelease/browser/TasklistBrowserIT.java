package io.github.securityrelease.browser;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * The security team's first two steps of a case in Camunda Tasklist, in a real browser: the
 * task found through the group filter, claimed, its Camunda Form (rendered by form-js) filled
 * in and completed; a submission the server refuses shown with its reason. And what a team
 * member sees first: the team's tasks, the service's name, a form's buttons clear of the footer.
 */
@OrchestratorIntegrationTest
@Tag(OrchestratorIntegrationTest.BROWSER)
class TasklistBrowserIT {

  /** The group filter's description, its tooltip in Tasklist (AccessSeeder). */
  private static final By GROUP_TASKS = By.xpath("//div[contains(@class, 'task-filter')]"
      + "/h4[@uib-tooltip = 'Tasks my groups may claim']/a");
  /** The filter Tasklist shows, its name and description (tooltip); its count beside the name. */
  private static final By OPEN_FILTER = By.cssSelector(".task-filter.active h4");
  private static final By CLAIM = By.cssSelector(".task-details button.claim");
  private static final By COMPLETE = By.xpath("//div[contains(@class, 'form-actions')]/button[normalize-space(.) = 'Complete']");
  private static final By SAVE = By.xpath("//div[contains(@class, 'form-actions')]/button[normalize-space(.) = 'Save']");
  private static final By FORM_DISABLED = By.cssSelector("[cam-tasklist-form] .disabled-form");
  private static final By ERROR_NOTICE = By.cssSelector(".page-notifications .alert-danger");

  @RegisterExtension
  static Browser browser = new Browser();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;

  @Test
  @DisplayName("R2 R4 R5 the team acknowledges and validates a report in Tasklist; the case moves on to REMEDIATION")
  void acknowledgeAndValidate() {
    String caseId = newCase("Token leak in controller logs");
    Task acknowledge = task(caseId, "Task_AcknowledgeReport");

    browser.logInToCamunda(base(), "tasklist", "demo-security", "demo-security", "05-tasklist-login");
    openFromGroupFilter(acknowledge, caseId);
    assertThat(field("Field_Title").getDomProperty("value")).isEqualTo("Token leak in controller logs");
    assertThat(field("Field_ReporterEmail").getDomProperty("value")).isEqualTo("ada@example.net");
    browser.screenshot("07-tasklist-acknowledge-task");
    claim(acknowledge);

    browser.type(fieldLocator("Field_AcknowledgementMessage"),
        "Thank you, Ada. We are reproducing it now; please keep the report confidential until we publish a fix.");
    assertThat(label("Field_AcknowledgementMessage")).startsWith("Your message to the reporter");
    browser.screenshotAll("08-tasklist-acknowledge-form-filled");
    complete(acknowledge);
    browser.screenshot("09-tasklist-acknowledged");

    // Task_SendAcknowledgement is asynchronous: the engine's jobs, run here, bring the next task
    cases.runDueJobs(caseId);
    assertThat(variables(caseId))
        .containsEntry("acknowledgementMessage",
            "Thank you, Ada. We are reproducing it now; please keep the report confidential until we publish a fix.")
        .containsEntry("acknowledgedBy", "demo-security")
        .containsKey("acknowledgedAt");
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(TestSmtp::subject)).containsExactly(
        "[" + caseId + "] We received your vulnerability report",
        "[" + caseId + "] Your vulnerability report is acknowledged");
    Task validate = task(caseId, "Task_ValidateReport");

    openFromGroupFilter(validate, caseId);
    claim(validate);
    assertThat(label("Field_ValidationOutcome")).startsWith("Outcome");
    select("Field_ValidationOutcome", "Accepted: a vulnerability of ours");
    // the pattern of the form lets a repeated metric through: the server refuses it, naming the field
    browser.type(fieldLocator("Field_CvssVector"), "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N/AV:L");
    browser.type(fieldLocator("Field_AffectedVersions"), "v0.5.0 - v0.6.0");
    browser.type(fieldLocator("Field_AffectedComponents"), "fleet-manager");
    browser.uncovered(COMPLETE).click();
    String refusal = browser.visible(ERROR_NOTICE).getText();
    assertThat(refusal).contains("cvssVector: AV is given more than once").doesNotContain("ENGINE-");
    browser.screenshot("10-tasklist-validate-refused");
    assertThat(taskService.createTaskQuery().taskId(validate.getId()).count()).as("the task stays open").isOne();
    browser.clickable(By.cssSelector(".page-notifications .alert-danger button.close:not(.ng-hide)")).click();
    browser.gone(ERROR_NOTICE);

    browser.type(fieldLocator("Field_CvssVector"), "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    browser.screenshotAll("11-tasklist-validate-form-filled");
    complete(validate);
    cases.runDueJobs(caseId);

    assertThat(variables(caseId))
        .containsEntry("status", "REMEDIATION")
        .containsEntry("validationOutcome", "ACCEPTED")
        .containsEntry("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N")
        .containsEntry("cvssScore", 7.5)
        .containsEntry("severity", "HIGH")
        .containsEntry("affectedVersions", "v0.5.0 - v0.6.0")
        .containsEntry("affectedComponents", "fleet-manager")
        .containsEntry("releaseType", "OUT_OF_BAND")
        .containsEntry("fixVisibility", "PRIVATE");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).list())
        .extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder("Task_DevelopRemediation", "Task_DescribeImpact");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId).finished()
        .taskAssignee("demo-security").count()).as("both tasks done by demo-security").isEqualTo(2);

    // the list, loaded afresh: the validated task is gone, the team's next task of the case is there
    Task describeImpact = task(caseId, "Task_DescribeImpact");
    browser.clickable(GROUP_TASKS).click();
    browser.visible(taskLink(describeImpact));
    assertThat(browser.driver().findElements(taskLink(validate))).isEmpty();
    assertThat(browser.driver().findElements(taskLink(acknowledge))).isEmpty();
    browser.screenshot("12-tasklist-case-moved-on");
  }

  @Test
  @DisplayName("a team member's Tasklist opens on the team's tasks, with their count, under the service's name")
  void opensOnTheTeamsWork() {
    String caseId = newCase("Opens on the team's work");

    browser.logInToCamunda(base(), "tasklist", "demo-security", "demo-security", "18-tasklist-login-again");
    browser.expectServiceHeader("Tasklist");
    assertThat(browser.visible(OPEN_FILTER).getAttribute("uib-tooltip")).as("the filter Tasklist opens on")
        .isEqualTo("Tasks my groups may claim");
    String count = String.valueOf(groupTasksCount("demo-security"));
    browser.until("the count of the team's tasks, " + count, driver ->
        count.equals(driver.findElement(OPEN_FILTER).findElement(By.cssSelector("span.counter")).getText()));
    browser.visible(taskLink(task(caseId, "Task_AcknowledgeReport")));
    assertThat(browser.driver().findElements(By.cssSelector(".task-filter h4")))
        .as("the other filters after it").extracting(filter -> filter.getAttribute("uib-tooltip"))
        .containsExactly("Tasks my groups may claim", "Tasks assigned to me", "Tasks offered to me by name");
    browser.screenshot("19-tasklist-opens-on-group-tasks");
  }

  @Test
  @DisplayName("R28 the team writes to the reporter from Tasklist: Start process, Write to reporter, the case and the message")
  void writeToReporter() throws Exception {
    String caseId = newCase("Token leak in the agent's log");
    browser.logInToCamunda(base(), "tasklist", "demo-security", "demo-security", "30-tasklist-login-write");
    browser.clickable(By.xpath("//a[normalize-space(.) = 'Start process']")).click();
    browser.clickable(By.xpath("//div[contains(@class, 'modal')]//a[normalize-space(.) = 'Write to reporter']")).click();
    // Tasklist's start dialog has no business key field with a Camunda Form: the form asks for the case
    browser.type(fieldLocator("Field_CaseId"), caseId);
    browser.type(fieldLocator("Field_Message"), "Thank you, Ada. Which log level did the agent run at?");
    browser.screenshotAll("31-tasklist-write-to-reporter");
    browser.uncovered(By.xpath("//div[contains(@class, 'modal')]//button[normalize-space(.) = 'Start']")).click();
    browser.gone(By.cssSelector(".modal"));

    cases.runConversationJobs(caseId);
    assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(mail -> TestSmtp.subject(mail).contains("[" + caseId + "]"))
        .map(com.icegreen.greenmail.util.GreenMailUtil::getBody))
        .as("the receipt, then the team's message")
        .hasSize(2).last().asString().contains("Which log level did the agent run at?", "demo-security");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("reporter-message")
        .processInstanceBusinessKey(caseId).singleResult().getStartUserId()).isEqualTo("demo-security");
  }

  /** A report's case, at its first task. */
  private String newCase(String title) {
    String caseId = (String) post(http, report(title, "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(caseId);
    return caseId;
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private Task task(String caseId, String key) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key).singleResult();
    assertThat(task).as(key + " of " + caseId).isNotNull();
    return task;
  }

  /** What Tasklist counts for the user's "My groups' tasks": the engine's own count of the filter. */
  private int groupTasksCount(String user) {
    String filterId = filterService.createFilterQuery().filterName("My groups' tasks").singleResult().getId();
    return ((Number) http.withBasicAuth(user, user).getForObject("/engine-rest/filter/" + filterId + "/count", Map.class)
        .get("count")).intValue();
  }

  private Map<String, Object> variables(String caseId) {
    return runtimeService.getVariables(cases.instance(caseId).getId());
  }

  private static By taskLink(Task task) {
    return By.cssSelector("ol.tasks-list li.task h4.task a[href='#/?task=" + task.getId() + "']");
  }

  /** The task's card in "My groups' tasks", with the case ID the filter shows, opened. */
  private void openFromGroupFilter(Task task, String caseId) {
    browser.clickable(GROUP_TASKS).click();
    // Tasklist redraws its list as it refreshes: every step finds the card afresh
    browser.until("the card of " + task.getName() + " shows " + caseId, driver -> {
      WebElement link = driver.findElement(taskLink(task));
      WebElement card = link.findElement(By.xpath("ancestor::li[contains(@class, 'task')]"));
      return link.isDisplayed() && link.getText().equals(task.getName()) && card.getText().contains(caseId);
    });
    if (task.getTaskDefinitionKey().equals("Task_AcknowledgeReport")) {
      browser.screenshot("06-tasklist-group-tasks");
    }
    browser.until("the task " + task.getName() + " opens", driver -> {
      driver.findElement(taskLink(task)).click();
      return true;
    });
    browser.until("the form of " + task.getName() + " shows " + caseId,
        driver -> caseId.equals(field("Field_CaseId").getDomProperty("value")));
  }

  private void claim(Task task) {
    browser.clickable(CLAIM).click();
    browser.gone(CLAIM);
    browser.gone(FORM_DISABLED);
    browser.until(task.getName() + " claimed by demo-security",
        driver -> "demo-security".equals(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
  }

  /** Both buttons of the tall form are wholly visible above the footer, as a person needs them. */
  private void complete(Task task) {
    browser.uncovered(SAVE);
    browser.uncovered(COMPLETE).click();
    browser.until(task.getName() + " completed", driver -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    browser.gone(taskLink(task));
  }

  /** A form-js select: opened with the mouse, the option picked by its label. */
  private void select(String fieldId, String option) {
    browser.clickable(By.cssSelector("[id$='-" + fieldId + "-display']")).click();
    browser.clickable(By.xpath("//div[contains(@class, 'fjs-dropdownlist-item')][normalize-space(.) = '" + option + "']"))
        .click();
    browser.until(fieldId + " is " + option, driver -> option.equals(
        driver.findElement(By.cssSelector("[id$='-" + fieldId + "-display']")).getText()));
  }

  /** A form-js field by the id in the .form file (form-js prefixes it with the form's own id). */
  private static By fieldLocator(String fieldId) {
    return By.cssSelector(".fjs-container [id$='-" + fieldId + "']");
  }

  private WebElement field(String fieldId) {
    return browser.driver().findElement(fieldLocator(fieldId));
  }

  private String label(String fieldId) {
    String id = field(fieldId).getAttribute("id");
    return browser.driver().findElement(By.cssSelector("label[for='" + id + "']")).getText();
  }
}

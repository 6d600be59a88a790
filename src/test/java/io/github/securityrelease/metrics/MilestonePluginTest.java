package io.github.securityrelease.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The plugin on a bare engine: the model as deployed gets a listener at each milestone, and nothing else does. */
class MilestonePluginTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:milestone-plugin-test;DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false)
        .setProcessEngineName("milestone-plugin-test");
    configuration.setProcessEnginePlugins(List.of(
        new MilestonePlugin(new CaseDurations(new SimpleMeterRegistry()), Clock.systemUTC())));
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  @DisplayName("vulnerability-handling measures acknowledgement (task end), fix approval and disclosure (end event start)")
  void listenersAtMilestones() {
    ProcessDefinitionEntity process = deploy(engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/vulnerability-handling.bpmn"), "vulnerability-handling");

    assertThat(milestoneListeners(process, "Task_AcknowledgeReport", "end")).hasSize(1);
    assertThat(milestoneListeners(process, "Task_AcknowledgeReport", "start")).isEmpty();
    assertThat(milestoneListeners(process, "EndEvent_FixApproved", "start")).hasSize(1);
    assertThat(milestoneListeners(process, "EndEvent_Disclosed", "start")).hasSize(1);
    assertThat(milestoneListeners(process, "Task_ValidateReport", "end")).isEmpty();
  }

  @Test
  @DisplayName("another process with an element of the same id is not measured; a model without one still deploys")
  void otherProcessesUntouched() {
    ProcessDefinitionEntity other = deploy(engine.getRepositoryService().createDeployment()
        .addModelInstance("other.bpmn", Bpmn.createExecutableProcess("other-process")
            .camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_AcknowledgeReport").endEvent("EndEvent_Disclosed").done()), "other-process");
    ProcessDefinitionEntity older = deploy(engine.getRepositoryService().createDeployment()
        .addModelInstance("older.bpmn", Bpmn.createExecutableProcess("vulnerability-handling")
            .camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_AcknowledgeReport").endEvent("EndEvent_Closed").done()), "vulnerability-handling");

    assertThat(milestoneListeners(other, "Task_AcknowledgeReport", "end")).isEmpty();
    assertThat(milestoneListeners(other, "EndEvent_Disclosed", "start")).isEmpty();
    assertThat(milestoneListeners(older, "Task_AcknowledgeReport", "end")).hasSize(1);
  }

  private static ProcessDefinitionEntity deploy(org.camunda.bpm.engine.repository.DeploymentBuilder deployment,
      String key) {
    String deploymentId = deployment.deploy().getId();
    String id = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId)
        .processDefinitionKey(key).singleResult().getId();
    return (ProcessDefinitionEntity) ((RepositoryServiceImpl) engine.getRepositoryService())
        .getDeployedProcessDefinition(id);
  }

  private static List<?> milestoneListeners(ProcessDefinitionEntity process, String activityId, String event) {
    ActivityImpl activity = process.findActivity(activityId);
    assertThat(activity).as(activityId).isNotNull();
    return activity.getBuiltInListeners(event).stream().filter(MilestoneListener.class::isInstance).toList();
  }
}

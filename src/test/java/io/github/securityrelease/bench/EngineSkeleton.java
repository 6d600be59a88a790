package io.github.securityrelease.bench;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The engine's floor: {@code vulnerability-handling} with the same flow nodes, timers,
 * gateways, async continuations and the release-track decision, but none of the service's
 * work. Every delegate is {@code ${benchNoop}}, listeners and forms are gone, candidate groups
 * are the literal groups the service gave each task, and the branches to patch come from a
 * no-op bean.
 */
final class EngineSkeleton {

  static final String KEY = "vulnerability-handling-skeleton";
  static final String MODEL = "processes/vulnerability-handling.bpmn";
  static final String DECISION = "processes/release-track.dmn";

  private EngineSkeleton() {}

  /** The skeleton model; {@code candidateGroups} maps a task's key to the groups the service gave it. */
  static BpmnModelInstance model(Map<String, String> candidateGroups) {
    BpmnModelInstance model;
    try (InputStream in = EngineSkeleton.class.getClassLoader().getResourceAsStream(MODEL)) {
      model = Bpmn.readModelFromStream(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (BpmnDiagram diagram : new ArrayList<>(model.getModelElementsByType(BpmnDiagram.class))) {
      model.getDefinitions().removeChildElement(diagram);
    }
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    process.setId(KEY);
    process.setName("Vulnerability handling (engine floor)");
    removeAll(model, CamundaExecutionListener.class);
    removeAll(model, CamundaTaskListener.class);
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      node.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, BpmnModelConstants.CAMUNDA_ATTRIBUTE_FORM_REF);
      node.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, BpmnModelConstants.CAMUNDA_ATTRIBUTE_FORM_REF_BINDING);
    }
    model.getModelElementsByType(ServiceTask.class).forEach(task -> task.setCamundaDelegateExpression("${benchNoop}"));
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaCandidateGroups() != null && task.getCamundaCandidateGroups().contains("${")) {
        task.setCamundaCandidateGroups(candidateGroups.getOrDefault(task.getId(), "security-team"));
      }
    }
    model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)
        .forEach(loop -> loop.setCamundaCollection("${benchNoop.branches(releaseBranches)}"));
    Bpmn.validateModel(model);
    return model;
  }

  /** Deploys the skeleton with its own copy of the decision (the model binds it by deployment). */
  static ProcessDefinition deploy(ProcessEngine engine, BpmnModelInstance model) {
    RepositoryService repository = engine.getRepositoryService();
    String deployment = repository.createDeployment().name("bench: engine floor")
        .addModelInstance(KEY + ".bpmn", model).addClasspathResource(DECISION).deploy().getId();
    ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    withoutServiceListeners((ScopeImpl) ((RepositoryServiceImpl) repository).getDeployedProcessDefinition(definition.getId()));
    return definition;
  }

  /**
   * The service's engine plugins put built-in listeners on every model's user tasks (the text
   * limit); the floor runs without them. The engine's own built-in listeners stay.
   */
  private static void withoutServiceListeners(ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior.getTaskDefinition().getBuiltinTaskListeners().values()
            .forEach(listeners -> listeners.removeIf(listener -> listener.getClass().getName()
                .startsWith("io.github.securityrelease.")));
      }
      withoutServiceListeners(activity);
    }
  }

  private static void removeAll(BpmnModelInstance model, Class<? extends ModelElementInstance> type) {
    List<? extends ModelElementInstance> elements = new ArrayList<>(model.getModelElementsByType(type));
    for (ModelElementInstance element : elements) {
      element.getParentElement().removeChildElement(element);
    }
  }
}

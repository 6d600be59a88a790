package io.github.securityrelease.security;

import io.github.securityrelease.cases.CaseVariables;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What a task grants its candidate group, less what the group holds on the task's whole process
 * definition.
 *
 * <p>Camunda grants a task's candidate group {@code READ}, {@code READ_VARIABLE} and
 * {@code TASK_WORK} on that task, one row in {@code ACT_RU_AUTHORIZATION} per open task. Every
 * task query joins that table on {@code RESOURCE_ID_ IN (task, definition key, '*')}. With the
 * security team a candidate of every open case's task, the join met one row per open case for
 * each task listed: PostgreSQL, which cannot hash that {@code OR}, compared every task with every
 * row (85 million comparisons, 17 s, for "My groups' tasks" at 9,250 open cases), and H2 did a
 * look-up per task that found them. See docs/benchmarks.md.
 *
 * <p>The security team reads every task of every case (R27: its scope is every phase) by a grant
 * on the case's definition ({@link AccessSeeder}: {@code READ_TASK}, {@code READ_TASK_VARIABLE}).
 * So its grant on each case's task keeps {@code TASK_WORK} alone: it still claims and completes
 * only the tasks it is a candidate for, and the join meets a handful of rows whatever the number
 * of cases.
 *
 * <p>Camunda also grants the candidate group {@code READ} and {@code READ_VARIABLE} on the task's
 * history ({@code HISTORIC_TASK}, with {@code enableHistoricInstancePermissions}), a row that
 * outlives the task: one more row for every task the team was ever offered. The team reads all
 * history through the definitions ({@code READ_HISTORY}, {@code READ_HISTORY_VARIABLE}), so that
 * grant is not made for it. Camunda reads the whole table in each authorized command (the
 * authorized groups, {@code SELECT distinct(GROUP_ID_)}), and every task query's authorization
 * join reads the rows of the user's groups.
 *
 * <p>Other groups, and the team on other processes, keep Camunda's grants.
 */
@Component
class TaskGrantsPlugin extends AbstractProcessEnginePlugin {

  /** The groups that read every task of a process definition (by key) through the definition. */
  static final Map<String, Set<String>> READ_THROUGH_DEFINITION =
      Map.of(Groups.SECURITY_TEAM, Set.of(CaseVariables.PROCESS_KEY));

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new TaskGrants());
  }

  static class TaskGrants extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      AuthorizationEntity[] grants = super.newTaskGroupIdentityLink(task, groupId, type);
      if (grants == null || !readsThroughDefinition(groupId, task.getProcessDefinitionId())) {
        return grants;
      }
      for (AuthorizationEntity grant : grants) {
        if (grant.getResourceType() == Resources.TASK.resourceType()) {
          grant.removePermission(Permissions.READ);
          grant.removePermission(TaskPermissions.READ_VARIABLE);
        }
      }
      return Arrays.stream(grants)
          .filter(grant -> grant.getResourceType() != Resources.HISTORIC_TASK.resourceType())
          .toArray(AuthorizationEntity[]::new);
    }

    private static boolean readsThroughDefinition(String groupId, String processDefinitionId) {
      Set<String> keys = READ_THROUGH_DEFINITION.get(groupId);
      if (keys == null || processDefinitionId == null) {
        return false;
      }
      ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(processDefinitionId);
      return definition != null && keys.contains(definition.getKey());
    }
  }
}

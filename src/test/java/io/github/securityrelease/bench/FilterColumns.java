package io.github.securityrelease.bench;

import io.github.securityrelease.bench.ScaleBench.Timing;
import io.github.securityrelease.security.Groups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * The part of Tasklist's page that the plain JSON list leaves out, timed in the engine on its
 * own: the variable query that embeds the filter's columns in the 15 tasks (as the REST API's
 * filter resource asks it: the names, the tasks', executions' and process instances' scopes),
 * as the security team (authorization checked, with {@code enforceSpecificVariablePermission})
 * and with no user (no check). The gap between the two is the authorization check's share.
 */
final class FilterColumns {

  /** The filter's columns (security/AccessSeeder). */
  static final String[] NAMES = {"caseId", "title", "severity", "status", "organisation"};

  private FilterColumns() {}

  record Timings(Timing asTeam, Timing unchecked) {}

  static Timings measure(TaskService tasks, RuntimeService runtime, IdentityService identity, int warmUp, int measured) {
    List<Task> page = tasks.createTaskQuery().taskCandidateGroup(Groups.SECURITY_TEAM).includeAssignedTasks()
        .orderByTaskCreateTime().desc().listPage(0, 15);
    Set<String> scopes = new LinkedHashSet<>();
    for (Task task : page) {
      scopes.addAll(Arrays.asList(task.getId(), task.getExecutionId(), task.getProcessInstanceId()));
    }
    String[] scopeIds = scopes.toArray(String[]::new);
    Runnable query = () -> {
      if (runtime.createVariableInstanceQuery().variableNameIn(NAMES).variableScopeIdIn(scopeIds)
          .disableBinaryFetching().disableCustomObjectDeserialization().list().isEmpty()) {
        throw new IllegalStateException("no variables for the filter's columns");
      }
    };
    identity.setAuthentication("demo-security", List.of(Groups.SECURITY_TEAM));
    try {
      time(query, warmUp);
      Timing asTeam = time(query, measured);
      identity.clearAuthentication();
      time(query, warmUp);
      return new Timings(asTeam, time(query, measured));
    } finally {
      identity.clearAuthentication();
    }
  }

  static Timing time(Runnable work, int times) {
    double[] millis = new double[times];
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      work.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return new Timing(Stats.percentile(millis, 50), Stats.percentile(millis, 95), millis[times - 1]);
  }
}

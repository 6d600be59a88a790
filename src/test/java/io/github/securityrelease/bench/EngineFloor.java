package io.github.securityrelease.bench;

import io.github.securityrelease.bench.ScaleBench.Timing;
import io.github.securityrelease.security.Groups;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The least the engine does for any task list that carries its total, timed in the engine with no
 * user, so with no authorization join: the count and the first page of the filter's tasks (the
 * team's candidate tasks, assigned or not, as "My groups' tasks" asks), and the count of every
 * open task with no criterion at all (Camunda's {@code count(distinct RES.ID_)} over
 * {@code ACT_RU_TASK} alone). How these grow from one size to the next is a floor under the task
 * list's growth that no grant, index or filter property lowers.
 */
final class EngineFloor {

  private EngineFloor() {}

  record Timings(Timing filterCount, Timing filterPage, Timing everyTaskCount) {

    /** What the filter's count and page without authorization grow by from {@code small} to {@code large}, in ms. */
    static double growth(Timings small, Timings large) {
      return large.filterCount().p50() - small.filterCount().p50() + large.filterPage().p50() - small.filterPage().p50();
    }
  }

  static Timings measure(TaskService tasks, IdentityService identity, int warmUp, int measured) {
    identity.clearAuthentication();
    Supplier<TaskQuery> filter = () -> tasks.createTaskQuery().taskCandidateGroup(Groups.SECURITY_TEAM).includeAssignedTasks();
    return new Timings(
        timed(() -> nonZero(filter.get().count()), warmUp, measured),
        timed(() -> nonZero(filter.get().listPage(0, 15).size()), warmUp, measured),
        timed(() -> nonZero(tasks.createTaskQuery().count()), warmUp, measured));
  }

  private static Timing timed(Runnable work, int warmUp, int measured) {
    FilterColumns.time(work, warmUp);
    return FilterColumns.time(work, measured);
  }

  private static void nonZero(long found) {
    if (found == 0) {
      throw new IllegalStateException("no tasks found");
    }
  }
}

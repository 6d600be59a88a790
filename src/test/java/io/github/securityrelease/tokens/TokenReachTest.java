package io.github.securityrelease.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class TokenReachTest {

  private static final Set<Scope> READ = Set.of(Scope.READ);
  private static final Set<Scope> WORK = Set.of(Scope.READ, Scope.WORK);

  private final TaskService taskService = mock(TaskService.class, RETURNS_DEEP_STUBS);
  private final TokenReach reach = new TokenReach(taskService);

  @Test
  @DisplayName("read reaches GET and HEAD on cases, calendars, advisories and the engine, nothing else")
  void readReachesReadsOnly() {
    assertThat(permits(READ, "GET", "/api/v1/cases/SR-2026-0001")).isTrue();
    assertThat(permits(READ, "GET", "/api/v1/cases/SR-2026-0001/advisory")).isTrue();
    assertThat(permits(READ, "HEAD", "/api/v1/calendar.ics")).isTrue();
    assertThat(permits(READ, "GET", "/engine-rest/task")).isTrue();
    assertThat(permits(READ, "GET", "/api/v1/distributors")).isFalse();
    assertThat(permits(READ, "GET", "/api/v1/tokens")).isFalse();
    assertThat(permits(READ, "GET", "/api/v1/audit")).isFalse();
    assertThat(permits(READ, "POST", "/api/v1/cases/SR-2026-0001/embargo-breaks")).isFalse();
    assertThat(permits(READ, "POST", "/engine-rest/message")).isFalse();
    assertThat(permits(READ, "POST", "/engine-rest/task/t1/complete")).isFalse();
  }

  @Test
  @DisplayName("work also completes the owner's own tasks and correlates messages; no token creates tokens")
  void workCompletesOwnTasks() {
    task("mine", "ada");
    task("theirs", "bob");
    task("nobodys", null);
    assertThat(permits(WORK, "POST", "/engine-rest/task/mine/complete")).isTrue();
    assertThat(permits(WORK, "POST", "/engine-rest/task/mine/submit-form")).isTrue();
    assertThat(permits(WORK, "POST", "/engine-rest/message")).isTrue();
    assertThat(permits(WORK, "POST", "/engine-rest/task/theirs/complete")).as("another's task").isFalse();
    assertThat(permits(WORK, "POST", "/engine-rest/task/nobodys/submit-form")).as("an unclaimed task").isFalse();
    assertThat(permits(WORK, "POST", "/engine-rest/task/missing/complete")).isFalse();
    assertThat(permits(WORK, "POST", "/engine-rest/task/mine/claim")).isFalse();
    assertThat(permits(WORK, "PUT", "/engine-rest/task/mine/variables/x")).isFalse();
    assertThat(permits(WORK, "POST", "/api/v1/tokens")).isFalse();
    assertThat(permits(WORK, "DELETE", "/api/v1/tokens/1")).isFalse();
  }

  private void task(String id, String assignee) {
    Task task = mock(Task.class);
    when(task.getAssignee()).thenReturn(assignee);
    when(taskService.createTaskQuery().taskId(id).singleResult()).thenReturn(task);
  }

  private boolean permits(Set<Scope> scopes, String method, String path) {
    return reach.permits(scopes, "ada", new MockHttpServletRequest(method, path));
  }
}

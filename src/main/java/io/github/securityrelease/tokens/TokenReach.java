package io.github.securityrelease.tokens;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The requests a token's scopes reach, checked before any controller or the engine runs, so
 * that a refused one changes nothing. Within them the owner's rights still apply (the path
 * rules of SecurityConfig, the engine's authorizations): a token never does more than its
 * owner may. Whatever is not named here, a token may not do, creating tokens included.
 */
@Component
class TokenReach {

  private static final List<RequestMatcher> READS = List.of(path("/api/v1/cases/**"), path("/api/v1/calendar.ics"),
      path("/engine-rest/**"));

  private static final List<RequestMatcher> OWN_TASK_COMPLETIONS = List.of(
      path(HttpMethod.POST, "/engine-rest/task/{id}/complete"), path(HttpMethod.POST, "/engine-rest/task/{id}/submit-form"));

  private static final RequestMatcher MESSAGES = path(HttpMethod.POST, "/engine-rest/message");

  private final TaskService taskService;

  TokenReach(TaskService taskService) {
    this.taskService = taskService;
  }

  boolean permits(Set<Scope> scopes, String owner, HttpServletRequest request) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      return READS.stream().anyMatch(read -> read.matches(request));
    }
    if (!scopes.contains(Scope.WORK)) {
      return false;
    }
    return MESSAGES.matches(request) || OWN_TASK_COMPLETIONS.stream()
        .map(completion -> completion.matcher(request))
        .filter(RequestMatcher.MatchResult::isMatch)
        .anyMatch(completion -> isAssignedTo(completion.getVariables().get("id"), owner));
  }

  /** Read without the engine's authorization checks (none is set yet): the answer says only yes or no. */
  private boolean isAssignedTo(String taskId, String owner) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    return task != null && owner.equals(task.getAssignee());
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}

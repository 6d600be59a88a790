package io.github.securityrelease.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Tasklist filters as {@link AccessSeeder} makes them, on a fresh database and on one
 * seeded by an earlier version, on the bare engine of the process tests.
 */
class AccessSeederTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  private FilterService filters;
  private AuthorizationService authorizations;
  private TaskService tasks;
  private Set<String> authorizationsBefore;

  @BeforeEach
  void services() {
    filters = engine.getFilterService();
    authorizations = engine.getAuthorizationService();
    tasks = engine.getTaskService();
    authorizationsBefore = authorizations.createAuthorizationQuery().list().stream().map(Authorization::getId)
        .collect(Collectors.toSet());
  }

  /** The engine is shared with the other tests of the JVM: what the seeder made goes. */
  @AfterEach
  void forget() {
    filters.createFilterQuery().list().forEach(filter -> filters.deleteFilter(filter.getId()));
    authorizations.createAuthorizationQuery().list().stream()
        .filter(authorization -> !authorizationsBefore.contains(authorization.getId()))
        .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
  }

  @Test
  @DisplayName("Tasklist opens on the team's work: the group filter comes first, then the assigned and the offered tasks")
  void groupTasksFirst() {
    seed();

    assertThat(byPriority()).extracting(Filter::getName)
        .containsExactly(AccessSeeder.FILTER_GROUP_TASKS, AccessSeeder.FILTER_MY_TASKS, AccessSeeder.FILTER_OFFERED_TASKS);
  }

  @Test
  @DisplayName("a database seeded by an earlier version keeps its filters, each once, the group filter moved first at the next start")
  void earlierFiltersReordered() {
    // as they were seeded before: "My tasks" first, Tasklist opened on "My tasks (0)"
    List<String> earlier = List.of(
        earlier(AccessSeeder.FILTER_MY_TASKS, -10),
        earlier(AccessSeeder.FILTER_OFFERED_TASKS, -7),
        earlier(AccessSeeder.FILTER_GROUP_TASKS, -5));

    seed();

    assertThat(byPriority()).extracting(Filter::getName)
        .containsExactly(AccessSeeder.FILTER_GROUP_TASKS, AccessSeeder.FILTER_MY_TASKS, AccessSeeder.FILTER_OFFERED_TASKS);
    assertThat(byPriority()).extracting(Filter::getId).as("the same filters, updated").containsExactlyInAnyOrderElementsOf(earlier);
  }

  private void seed() {
    new AccessSeeder(authorizations, filters, tasks, JdbcClient.create(
        ((ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration()).getDataSource()))
        .seed();
  }

  private String earlier(String name, int priority) {
    return filters.saveFilter(filters.newTaskFilter(name).setQuery(tasks.createTaskQuery())
        .setProperties(Map.of("priority", priority))).getId();
  }

  /** The filters in Tasklist's order: by the property "priority", the first opened. */
  private List<Filter> byPriority() {
    return filters.createTaskFilterQuery().list().stream()
        .sorted(Comparator.comparingInt(filter -> ((Number) filter.getProperties().get("priority")).intValue()))
        .toList();
  }
}

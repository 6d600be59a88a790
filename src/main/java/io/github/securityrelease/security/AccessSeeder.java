package io.github.securityrelease.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.github.securityrelease.cases.CaseVariables;
import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.query.Query;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations of each group (DESIGN.md's users table) and the Tasklist filters
 * the working groups see. Made at every start, adding only what is missing.
 *
 * <p>Tasks themselves need no grant here: the engine gives a task's candidate groups the
 * right to see and work it when the task is made.
 */
@Component
@DependsOn("accountSeeder")
class AccessSeeder {

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";
  static final String FILTER_MY_TASKS = "My tasks";
  static final String FILTER_GROUP_TASKS = "My groups' tasks";
  static final String FILTER_OFFERED_TASKS = "Tasks offered to me";
  /** The process of joining the distributors list (R25) and leaving it (R26). */
  static final String DISTRIBUTOR_APPLICATION = "distributor-application";
  /** The conversation with a case's reporter (R28): the team writes, in Tasklist's "Start process". */
  static final String REPORTER_MESSAGE = "reporter-message";
  /** The security team's own membership (R21-R23). */
  static final String TEAM_MEMBERSHIP = "team-membership";

  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final JdbcClient jdbc;

  AccessSeeder(AuthorizationService authorizations, FilterService filters, TaskService tasks, JdbcClient jdbc) {
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.jdbc = jdbc;
  }

  @PostConstruct
  void seed() {
    grant(Groups.ADMIN, Resources.APPLICATION, ANY, Permissions.ALL);
    // admins administer accounts, groups and who may do what: Camunda checks these for its
    // admin group too. No grant on cases: an admin reads none (R27).
    for (Resource identity : List.of(Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP,
        Resources.AUTHORIZATION, Resources.TENANT, Resources.TENANT_MEMBERSHIP)) {
      grant(Groups.ADMIN, identity, ANY, Permissions.ALL);
    }

    String myTasks = ensureFilter(FILTER_MY_TASKS, -10, "Tasks assigned to me",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    // Tasklist lists the filters by priority and opens the first: a team member sees the team's
    // work, claimed or not, rather than "My tasks (0)"
    String groupTasks = ensureFilter(FILTER_GROUP_TASKS, -15, "Tasks my groups may claim",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    // a task for one named person, such as the voucher's "Confirm vouching" (R25) or a vote (R23)
    String offeredTasks = ensureFilter(FILTER_OFFERED_TASKS, -7, "Tasks offered to me by name",
        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
    for (String group : Groups.WORKING) {
      grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
      grant(group, Resources.FILTER, myTasks, Permissions.READ);
      grant(group, Resources.FILTER, groupTasks, Permissions.READ);
      grant(group, Resources.FILTER, offeredTasks, Permissions.READ);
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }

    // the security team handles every case and sees all of it (R27: its scope is every phase)
    grant(Groups.SECURITY_TEAM, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
    grant(Groups.SECURITY_TEAM, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    // and every task of every case, through the definition rather than a row per task
    // (TaskGrantsPlugin: the team's grant on a case's task keeps TASK_WORK alone)
    grant(Groups.SECURITY_TEAM, Resources.PROCESS_DEFINITION, CaseVariables.PROCESS_KEY,
        ProcessDefinitionPermissions.READ_TASK);
    narrowOldTaskGrants();
    // R1: a report that came by e-mail is recorded with the start form in Tasklist
    grant(Groups.SECURITY_TEAM, Resources.PROCESS_DEFINITION, CaseVariables.PROCESS_KEY, Permissions.CREATE_INSTANCE);
    // R25: an application that came by issue or e-mail, recorded the same way
    grant(Groups.SECURITY_TEAM, Resources.PROCESS_DEFINITION, DISTRIBUTOR_APPLICATION, Permissions.CREATE_INSTANCE);
    // R28: the team writes to a case's reporter with the start form of reporter-message
    grant(Groups.SECURITY_TEAM, Resources.PROCESS_DEFINITION, REPORTER_MESSAGE, Permissions.CREATE_INSTANCE);
    grant(Groups.SECURITY_TEAM, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // R21: maintainers and the team nominate (the start form of team-membership, or the API)
    for (String nominator : List.of(Groups.SIG_MAINTAINERS, Groups.SECURITY_TEAM)) {
      grant(nominator, Resources.PROCESS_DEFINITION, TEAM_MEMBERSHIP, Permissions.CREATE_INSTANCE);
      grant(nominator, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }

    // managers watch in Cockpit: state, never variables (R27)
    watchInCockpit(Groups.MANAGERS);
    // operators see what managers see, and may give a failed job its retries back (Cockpit's
    // Retry on an incident), so that a notice that failed goes out: RETRY_JOB is that alone, not
    // UPDATE (which would also run jobs, move timers and change variables)
    watchInCockpit(Groups.OPERATORS);
    grant(Groups.OPERATORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.RETRY_JOB);
  }

  /** Cockpit's view of every model and instance: state and history, never a variable (R27). */
  private void watchInCockpit(String group) {
    grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE);
    grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .list().stream().findFirst()
        .orElseGet(() -> {
          Authorization made = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          made.setGroupId(group);
          made.setResource(resource);
          made.setResourceId(resourceId);
          return made;
        });
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  /**
   * A database from before {@link TaskGrantsPlugin} holds the team's old grant on each open case's
   * task (READ, READ_VARIABLE, TASK_WORK): it keeps TASK_WORK alone, as a new task's grant does.
   * Its grant on each case task's history goes, as a new task makes none.
   * Integer arithmetic rather than bit operators, so that one statement serves H2 and PostgreSQL;
   * {@code exists} with a look-up by key rather than {@code in (select ...)}, which H2 may run again
   * for every row (tens of thousands at every start).
   */
  private void narrowOldTaskGrants() {
    jdbc.sql("""
            update ACT_RU_AUTHORIZATION
               set PERMS_ = PERMS_ - 2 * mod(PERMS_ / 2, 2) - 64 * mod(PERMS_ / 64, 2), REV_ = REV_ + 1
             where TYPE_ = 1 and RESOURCE_TYPE_ = 7 and GROUP_ID_ = :team
               and (mod(PERMS_ / 2, 2) = 1 or mod(PERMS_ / 64, 2) = 1)
               and exists (select 1 from ACT_RU_TASK T join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_
                            where T.ID_ = ACT_RU_AUTHORIZATION.RESOURCE_ID_ and D.KEY_ = :key)""")
        .param("team", Groups.SECURITY_TEAM)
        .param("key", CaseVariables.PROCESS_KEY)
        .update();
    // and the team's grant on each case task's history (TaskGrantsPlugin no longer makes it):
    // READ and READ_VARIABLE, which its grants on the definitions give
    jdbc.sql("""
            delete from ACT_RU_AUTHORIZATION
             where TYPE_ = 1 and RESOURCE_TYPE_ = 19 and GROUP_ID_ = :team and PERMS_ in (2, 64, 66)
               and exists (select 1 from ACT_HI_TASKINST H
                            where H.ID_ = ACT_RU_AUTHORIZATION.RESOURCE_ID_ and H.PROC_DEF_KEY_ = :key)""")
        .param("team", Groups.SECURITY_TEAM)
        .param("key", CaseVariables.PROCESS_KEY)
        .update();
  }

  /** Made once, its properties kept current: the list shows each task's case, title and status, or its distributor. */
  private String ensureFilter(String name, int priority, String description, Query<?, ?> query) {
    Filter filter = filters.createTaskFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name).setQuery(query);
    }
    filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true,
        "variables", List.of(
            Map.of("name", "caseId", "label", "Case"),
            Map.of("name", "title", "label", "Title"),
            Map.of("name", "severity", "label", "Severity"),
            Map.of("name", "status", "label", "Status"),
            Map.of("name", "organisation", "label", "Distributor"))));
    return filters.saveFilter(filter).getId();
  }
}

package io.github.securityrelease.team;

import io.github.securityrelease.security.Groups;
import io.github.securityrelease.team.OutsideChange.Action;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * Which identity commands change the team's groups, and how: read before the command runs,
 * since what it deletes is gone afterwards (and what it writes is not flushed yet, so a query
 * after it would not see it). A change that changes nothing (removing a non-member) is none.
 */
@Component
class OutsideChanges {

  private static final Set<String> TEAM_GROUPS = Set.of(Groups.SECURITY_TEAM, Groups.ASSOCIATES);

  private final TeamGroups groups;

  OutsideChanges(TeamGroups groups) {
    this.groups = groups;
  }

  /** The commands that may change a group's members: any other one passes unread. */
  static boolean isIdentityCommand(Command<?> command) {
    return command instanceof CreateMembershipCmd || command instanceof DeleteMembershipCmd
        || command instanceof DeleteUserCmd || command instanceof DeleteGroupCmd;
  }

  /** The changes {@code command} makes if it succeeds, by {@code changedBy}; empty for any other command. */
  List<OutsideChange> of(Command<?> command, String changedBy) {
    if (command instanceof CreateMembershipCmd || command instanceof DeleteMembershipCmd) {
      String userId = field(command, "userId");
      String group = field(command, "groupId");
      boolean adding = command instanceof CreateMembershipCmd;
      if (group == null || !TEAM_GROUPS.contains(group) || groups.isIn(userId, group) == adding) {
        return List.of();
      }
      return List.of(change(userId, adding ? Action.ADDED : Action.REMOVED, List.of(group), changedBy));
    }
    if (command instanceof DeleteUserCmd) {
      String userId = field(command, "userId");
      List<String> was = TEAM_GROUPS.stream().filter(group -> groups.isIn(userId, group)).sorted().toList();
      return was.isEmpty() ? List.of() : List.of(change(userId, Action.USER_DELETED, was, changedBy));
    }
    if (command instanceof DeleteGroupCmd) {
      String group = field(command, "groupId");
      if (group == null || !TEAM_GROUPS.contains(group)) {
        return List.of();
      }
      List<OutsideChange> changes = new ArrayList<>();
      groups.membersOf(group).forEach(userId ->
          changes.add(change(userId, Action.GROUP_DELETED, List.of(group), changedBy)));
      return changes;
    }
    return List.of();
  }

  private OutsideChange change(String userId, Action action, List<String> changed, String changedBy) {
    boolean member = groups.isMember(userId);
    boolean associate = groups.isAssociate(userId);
    boolean adding = action == Action.ADDED;
    if (changed.contains(Groups.SECURITY_TEAM)) {
      member = adding;
    }
    if (changed.contains(Groups.ASSOCIATES)) {
      associate = adding;
    }
    return new OutsideChange(userId, action, changed, changedBy, member, associate);
  }

  /** The engine's commands keep their arguments in package-private fields, and say nothing else of them. */
  private static String field(Command<?> command, String name) {
    try {
      Field field = command.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return (String) field.get(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(command.getClass().getSimpleName() + " has no field " + name
          + ": the engine changed, and OutsideChanges must follow", e);
    }
  }
}

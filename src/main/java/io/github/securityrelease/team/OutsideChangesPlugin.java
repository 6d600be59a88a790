package io.github.securityrelease.team;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Membership changes made outside the membership process go on record and into it (R21-R23).
 *
 * <p>An admin may change {@code security-team} and {@code security-associates} in the Admin
 * webapp or through the engine REST API: they must be able to repair identities. Such a
 * change, by an authenticated user, is handed to the membership process once the identity
 * command has succeeded, in its transaction (after the command context is open, so that the
 * process and the change commit or roll back together). The process's own changes run as the
 * service, with no authenticated user, and are not such changes.
 */
@Component
class OutsideChangesPlugin extends AbstractProcessEnginePlugin {

  // looked up at the first command: both need the engine this plugin helps to build
  private final ObjectProvider<OutsideChanges> changes;
  private final ObjectProvider<Membership> membership;

  OutsideChangesPlugin(ObjectProvider<OutsideChanges> changes, ObjectProvider<Membership> membership) {
    this.changes = changes;
    this.membership = membership;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new HandChangesToProcess(configuration));
  }

  private final class HandChangesToProcess extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    HandChangesToProcess(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (!OutsideChanges.isIdentityCommand(command)) {
        return next.execute(command);
      }
      Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
      if (caller == null || caller.getUserId() == null) {
        return next.execute(command);
      }
      List<OutsideChange> made = changes.getObject().of(command, caller.getUserId());
      T result = next.execute(command);
      made.forEach(membership.getObject()::changedOutside);
      return result;
    }
  }
}

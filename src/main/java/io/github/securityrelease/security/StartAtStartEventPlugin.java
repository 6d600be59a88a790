package io.github.securityrelease.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A person starts a process at its start event, never at an activity of their choosing.
 *
 * <p>The engine lets whoever may start a process start it at any activity ({@code
 * startInstructions} in the REST API), with its listeners skipped on request: a case without
 * its ID, its checks or its deadlines, or a distributor application that jumps its review.
 * Starting at chosen activities stays open to the service itself (no authenticated user) and
 * to {@code camunda-admin}, who repairs with Cockpit; anyone else gets a {@code 400}.
 *
 * <p>Restarting an ended instance is the same thing (a new instance at chosen activities, with
 * the ended one's variables), and the engine asks no more than the right to read the model's
 * history for it: managers and the team have that. It is refused with a {@code 403} to all but
 * {@code camunda-admin} before the engine reads anything.
 */
@Component
class StartAtStartEventPlugin extends AbstractProcessEnginePlugin {

  static final String REFUSAL = "A process is started at its start event: starting at chosen activities"
      + " (startInstructions) is for the camunda-admin group only";
  static final String RESTART_REFUSAL = "Restarting an ended process instance is for the camunda-admin group only";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new RefuseStartAtActivities(configuration));
  }

  private static final class RefuseStartAtActivities extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    RefuseStartAtActivities(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof StartProcessInstanceAtActivitiesCmd && !mayStartAtActivities()) {
        throw new BadUserRequestException(REFUSAL);
      }
      if (command instanceof AbstractRestartProcessInstanceCmd && !mayStartAtActivities()) {
        throw new AuthorizationException(RESTART_REFUSAL);
      }
      return next.execute(command);
    }

    private boolean mayStartAtActivities() {
      IdentityService identity = configuration.getIdentityService();
      Authentication caller = identity.getCurrentAuthentication();
      if (caller == null || caller.getUserId() == null) {
        return true;
      }
      List<String> groups = caller.getGroupIds();
      return groups != null && groups.contains(Groups.ADMIN);
    }
  }
}

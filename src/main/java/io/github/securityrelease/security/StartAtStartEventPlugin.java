package io.github.securityrelease.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
 */
@Component
class StartAtStartEventPlugin extends AbstractProcessEnginePlugin {

  static final String REFUSAL = "A process is started at its start event: starting at chosen activities"
      + " (startInstructions) is for the camunda-admin group only";

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

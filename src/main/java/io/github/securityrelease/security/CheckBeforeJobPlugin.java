package io.github.securityrelease.security;

import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A person may run a job (a case's timer, a notice) only with the right to, checked before the
 * engine starts running it.
 *
 * <p>The engine checks that right inside the job's own execution, where every failure counts as
 * the job failing: a refused {@code POST /job/{id}/execute} cost the job a retry, wrote a failure
 * to the job log, and three of them turned an acknowledgement deadline or an embargo notice into
 * an incident. Here the same check (the engine's own command checkers: UPDATE on the process
 * instance, or UPDATE_INSTANCE on its definition) runs first, in a transaction of its own that
 * reads and writes nothing else; a refusal ends the request there. The job executor does not
 * come this way.
 */
@Component
class CheckBeforeJobPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setManagementService(new CheckedManagementService(configuration));
  }

  private static final class CheckedManagementService extends ManagementServiceImpl {

    CheckedManagementService(ProcessEngineConfigurationImpl configuration) {
      super(configuration);
    }

    @Override
    public void executeJob(String jobId) {
      commandExecutor.execute(new CheckMayRunJob(jobId));
      super.executeJob(jobId);
    }
  }

  /** Refuses with the engine's {@code AuthorizationException} (a 403) when the caller may not run the job. */
  private record CheckMayRunJob(String jobId) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
      // an unknown job is the engine's to answer (404), as before
      JobEntity job = jobId == null ? null : context.getJobManager().findJobById(jobId);
      if (job != null) {
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
          checker.checkUpdateJob(job);
        }
      }
      return null;
    }
  }
}

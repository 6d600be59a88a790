package io.github.securityrelease.cluster;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A graceful stop for the job executor. Left to itself, a stopping node keeps acquiring (and
 * so locking) jobs after its thread pool has stopped taking work, and drops the jobs queued in
 * that pool: all of them stay locked, and no other node runs them, for the whole lock time
 * (5 minutes by default). So, first of all listeners of the context's close: stop acquiring;
 * let the running jobs finish and the queued ones hand themselves back (the engine unlocks a
 * job it takes up after the stop); wait for that up to {@code security-release.node.shutdown-timeout};
 * then hand back whatever this node still holds, so that the other nodes take it up at once.
 */
@Component
class JobExecutorShutdown {

  private static final Logger log = LoggerFactory.getLogger(JobExecutorShutdown.class);

  private final ProcessEngineConfigurationImpl configuration;
  private final ObjectProvider<TaskExecutor> taskExecutor;
  private final JdbcClient jdbc;
  private final Duration timeout;

  JobExecutorShutdown(ProcessEngineConfigurationImpl configuration,
      @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> taskExecutor, JdbcClient jdbc,
      NodeProperties node) {
    this.configuration = configuration;
    this.taskExecutor = taskExecutor;
    this.jdbc = jdbc;
    this.timeout = node.shutdownTimeout();
  }

  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void onClose(ContextClosedEvent event) {
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor == null || !jobExecutor.isActive()) {
      return;
    }
    log.info("Stopping the job executor: no more jobs are acquired; running jobs finish, queued ones are handed back");
    jobExecutor.shutdown();
    boolean idle = awaitPool();
    int handedBack = jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1"
            + " where LOCK_OWNER_ = :owner")
        .param("owner", jobExecutor.getLockOwner())
        .update();
    if (idle) {
      log.info("Job executor stopped; {} job(s) still held were handed back to the other nodes", handedBack);
    } else {
      log.warn("Jobs still ran after {}; {} job(s) held by this node were handed back (a job cut short is retried"
          + " by another node, and a notice in it is not sent twice: see the notification ledger)", timeout, handedBack);
    }
  }

  private boolean awaitPool() {
    if (!(taskExecutor.getIfAvailable() instanceof ThreadPoolTaskExecutor pool)) {
      return true;
    }
    ThreadPoolExecutor executor = pool.getThreadPoolExecutor();
    executor.shutdown();
    try {
      return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

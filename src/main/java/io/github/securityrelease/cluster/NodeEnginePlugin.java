package io.github.securityrelease.cluster;

import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the engine after the node: the host name in the job log (which node ran a job), and a
 * job executor lock owner that says which node holds a job ({@code <node>/<random>}, unique
 * per start, so that a restarted node never mistakes another run's locks for its own).
 */
@Component
class NodeEnginePlugin extends AbstractProcessEnginePlugin {

  private final Node node;

  NodeEnginePlugin(Node node) {
    this.node = node;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(node.name());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(node.name() + "/" + UUID.randomUUID());
    }
  }
}

package io.github.securityrelease.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * One project's security team, one tenant: the engine's tenant check is off, and a deployment
 * that names a tenant is refused (a {@code 400} over the REST API), so that nothing the check
 * would have hidden can exist.
 *
 * <p>With no tenant anywhere, the check only adds {@code RES.TENANT_ID_ is null} to every query of
 * a signed-in user, true of every row. On H2 it is not free: for the team's task list
 * ("My groups' tasks", {@code order by RES.ID_ LIMIT 15}) H2 then reads the tasks through their
 * tenant index, every one of them, and sorts them, where without it H2 walks the primary key in
 * order and stops at the fifteenth: 156 ms against 0.3 ms for the page at 10,000 open cases.
 * See docs/benchmarks.md. Camunda's authorizations are unchanged.
 */
@Component
class SingleTenantPlugin extends AbstractProcessEnginePlugin {

  static final Deployer NO_TENANT = deployment -> {
    if (deployment.getTenantId() != null) {
      throw new BadUserRequestException("This service serves one project and has no tenants: deployment '"
          + deployment.getName() + "' names tenant '" + deployment.getTenantId() + "'");
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantCheckEnabled(false);
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(NO_TENANT);
  }
}

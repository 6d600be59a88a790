package io.github.securityrelease.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The plugin on a bare engine with authorizations: no tenant check in a signed-in user's queries,
 * and no deployment with a tenant.
 */
class SingleTenantPluginTest {

  private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();
  private static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:single-tenant-plugin-test;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setDataSource(recording(h2))
        .setAuthorizationEnabled(true)
        .setJobExecutorActivate(false)
        .setProcessEngineName("single-tenant-plugin-test");
    configuration.setProcessEnginePlugins(List.of(new SingleTenantPlugin()));
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  @DisplayName("a signed-in user's task query carries no tenant condition, so that H2 can walk the tasks in order and stop at the page's end")
  void noTenantConditionInQueries() {
    engine.getRepositoryService().createDeployment().addModelInstance("task.bpmn", model("with-task")).deploy();
    engine.getRuntimeService().startProcessInstanceByKey("with-task");
    STATEMENTS.clear();
    engine.getIdentityService().setAuthentication("someone", List.of("some-group"));
    try {
      engine.getTaskService().createTaskQuery().taskCandidateGroup("some-group").includeAssignedTasks().listPage(0, 15);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(STATEMENTS).filteredOn(sql -> sql.contains("from ACT_RU_TASK RES"))
        .isNotEmpty()
        .allSatisfy(sql -> assertThat(sql).contains("ACT_RU_AUTHORIZATION").doesNotContain("TENANT_ID_ is null"));
  }

  @Test
  @DisplayName("a deployment that names a tenant is refused, and nothing of it is kept; one without a tenant deploys")
  void deploymentWithATenantRefused() {
    long before = engine.getRepositoryService().createDeploymentQuery().count();
    assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().tenantId("other-project")
        .name("with a tenant").addModelInstance("tenant.bpmn", model("tenant-process")).deploy())
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("no tenants").hasMessageContaining("other-project");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("tenant-process").count())
        .isZero();

    engine.getRepositoryService().createDeployment().addModelInstance("plain.bpmn", model("plain-process")).deploy();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("plain-process").count())
        .isOne();
  }

  private static BpmnModelInstance model(String key) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent().userTask().camundaCandidateGroups("some-group").endEvent().done();
  }

  /** The data source, recording the SQL of every statement it runs (datasource-proxy, as the benchmarks count them). */
  private static DataSource recording(DataSource target) {
    return ProxyDataSourceBuilder.create(target).afterQuery((execution, queries) ->
        queries.forEach(query -> STATEMENTS.add(query.getQuery().replaceAll("\\s+", " ")))).build();
  }
}

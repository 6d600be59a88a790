package io.github.securityrelease.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestDistributors;
import io.github.securityrelease.TestSmtp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;

/**
 * Issue 9: the SQL statements one case costs from report to disclosure, against the engine's
 * floor (the same flow on {@link EngineSkeleton}) on the same engine, history level and
 * database. Deterministic: counts, not times.
 */
@OrchestratorIntegrationTest
class StatementsPerCaseBench {

  static final int CASES = 5;
  static final double TARGET = 1.3;
  static final StatementCounter STATEMENTS = new StatementCounter();

  @TestConfiguration
  static class Counting {

    @Bean
    static BeanPostProcessor countedDataSource() {
      return STATEMENTS.wrapper();
    }

    @Bean
    BenchNoop benchNoop() {
      return new BenchNoop();
    }
  }

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Test
  void statementsPerCase() {
    distributor();
    CaseWalk walk = new CaseWalk(http, STATEMENTS, runtimeService, taskService, managementService, historyService);
    String warmUp = walk.walk(false, 0);
    EngineSkeleton.deploy(engine, EngineSkeleton.model(candidateGroups(warmUp)));
    walk.walk(true, 0);
    assertThat(smtp.getReceivedMessagesForDomain("distro-one.example")).as("the service sent its notices").hasSize(2);

    List<Map<String, Long>> service = new ArrayList<>();
    List<Map<String, Long>> floor = new ArrayList<>();
    STATEMENTS.takeCounts();
    for (int i = 1; i <= CASES; i++) {
      walk.walk(false, i);
      service.add(STATEMENTS.takeCounts());
      walk.walk(true, i);
      floor.add(STATEMENTS.takeCounts());
    }
    BenchReport.section("1-statements", new StatementsReport(service, floor, CASES, TARGET).markdown());
  }

  /** The groups the service gave each task of a case, for the skeleton's literal candidate groups. */
  private Map<String, String> candidateGroups(String caseId) {
    Map<String, String> groups = new TreeMap<>();
    for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId).list()) {
      Set<String> ids = new LinkedHashSet<>();
      historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId()).type(IdentityLinkType.CANDIDATE)
          .operationType("add").list().forEach(link -> {
            if (link.getGroupId() != null) {
              ids.add(link.getGroupId());
            }
          });
      groups.put(task.getTaskDefinitionKey(), String.join(",", ids));
    }
    return groups;
  }

  private void distributor() {
    TestDistributors.imported(http, "Distro One", "security@distro-one.example");
  }
}

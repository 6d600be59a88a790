package io.github.securityrelease.disclosure;

import static io.github.securityrelease.TestCases.assertCompleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** R12 at "Record assigned CVE": one CVE ID names one case, running or ended. */
@OrchestratorIntegrationTest
class CveIdIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CaseCves cves;
  @Autowired PlatformTransactionManager transactions;

  @Test
  @DisplayName("R12 a CVE ID another case recorded is refused with a 400 naming cveId, while that case runs and after it ended")
  void oneCveIdOneCase() {
    String first = cases.readyToPlan(http, "R12 first case");
    String cveId = TestCases.cveId(first);
    String second = cases.readyToRecordCve(http, "R12 second case");

    ResponseEntity<String> refused = recordCve(second, cveId);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("cveId", first);

    runtimeService.deleteProcessInstance(cases.instance(first).getId(), "ended for the test");
    ResponseEntity<String> stillRefused = recordCve(second, cveId);
    assertThat(stillRefused.getStatusCode()).as("an ended case keeps its CVE ID").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(stillRefused.getBody()).contains("cveId");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(second).taskDefinitionKey("Task_RecordCve")
        .count()).as("the task stays open").isEqualTo(1);

    assertCompleted(recordCve(second, TestCases.cveId(second)));
  }

  @Test
  @DisplayName("R12 a CVE ID only the engine's history knows (a case from before the record) is refused too")
  void foundInHistory() {
    String older = cases.readyToRecordCve(http, "R12 older case");
    runtimeService.setVariable(cases.instance(older).getId(), "cveId", "CVE-2025-777001");
    String newer = cases.readyToRecordCve(http, "R12 newer case");

    ResponseEntity<String> refused = recordCve(newer, "CVE-2025-777001");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("cveId", older);
  }

  @Test
  @DisplayName("R12 two cases recording one CVE ID at the same moment: one of them is refused")
  void concurrentRecords() throws Exception {
    TransactionTemplate own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    CountDownLatch firstRecorded = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> own.executeWithoutResult(status -> {
      cves.record("CVE-2026-888001", "SEC-RACE-1", "race-1");
      firstRecorded.countDown();
      await(commitFirst);
    }));
    await(firstRecorded);
    // the second checks while the first holds its row uncommitted (or just after): either way one wins
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> own.executeWithoutResult(status ->
        cves.record("CVE-2026-888001", "SEC-RACE-2", "race-2")));
    commitFirst.countDown();
    first.get(20, TimeUnit.SECONDS);
    assertThatThrownBy(() -> second.get(20, TimeUnit.SECONDS)).hasMessageContaining("cveId")
        .hasMessageContaining("one CVE ID names one case");
    assertThat(cves.holder("CVE-2026-888001")).contains("SEC-RACE-1");
  }

  private ResponseEntity<String> recordCve(String caseId, String cveId) {
    return cases.submit(http, "demo-security", caseId, "Task_RecordCve", Map.of("cveId", cveId));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

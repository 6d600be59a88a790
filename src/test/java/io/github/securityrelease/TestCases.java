package io.github.securityrelease;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** What the ITs do again and again: report a case, find it, run its due jobs. */
@Component
public class TestCases {

  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  TestCases(RuntimeService runtimeService, ManagementService managementService) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  public static Map<String, Object> report(String title, String reporterEmail) {
    return Map.of(
        "title", title,
        "whatHappened", "The fleet controller logs the cluster's kubeconfig token at info level.",
        "expected", "No credentials in logs.",
        "howToReproduce", "Create a fleet with one attached cluster and read the controller logs.",
        "environment", Map.of("productVersion", "v0.6.0", "kubectlVersion", "v1.29.1"),
        "reporter", Map.of("name", "Ada Reporter", "email", reporterEmail));
  }

  public static ResponseEntity<Map> post(TestRestTemplate http, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/v1/reports", new HttpEntity<>(body, headers), Map.class);
  }

  public ProcessInstance instance(String caseId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
  }

  /** Executes the case's jobs that are due now by the engine clock, until none is left. */
  public void runDueJobs(String caseId) {
    for (int round = 0; round < 20; round++) {
      ProcessInstance instance = instance(caseId);
      if (instance == null) {
        return;
      }
      List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs of " + caseId + " keep coming");
  }
}

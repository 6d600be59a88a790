package io.github.securityrelease.intake;

import static io.github.securityrelease.TestCases.report;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.securityrelease.web.TestApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The intake's HTTP contract, the API's hardening in front of it (strict JSON and UTF-8, the
 * body limit, problem answers) and the intake itself a mock: a bad report is refused naming
 * each bad field and reaches nothing. That a report becomes a case, and that a refused one
 * uses up no case ID, is ReportIntakeIT's; who may post is SecurityIT's.
 */
@WebMvcTest(controllers = ReportController.class,
    excludeAutoConfiguration = {SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
@Import(TestApi.Hardening.class)
class ReportControllerTest {

  private final ObjectMapper json = new ObjectMapper();

  @Autowired MockMvc mvc;
  @MockitoBean ReportIntake intake;
  @MockitoBean ApplicationAvailability availability;

  @BeforeEach
  void ready() {
    when(availability.getReadinessState()).thenReturn(ReadinessState.ACCEPTING_TRAFFIC);
  }

  @Test
  @DisplayName("R1 a report: 201 with the case ID, its acknowledgement deadline and Location")
  void created() throws Exception {
    when(intake.receive(any())).thenReturn(
        new ReportIntake.Receipt("SEC-2026-0042", Instant.parse("2026-12-03T17:00:00Z")));

    send(report("Token leak", "ada@example.net"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/cases/SEC-2026-0042"))
        .andExpect(content().json("""
            {"caseId": "SEC-2026-0042", "acknowledgementDueBy": "2026-12-03T17:00:00Z"}""", true));
  }

  @Test
  @DisplayName("a report while the service starts: 503 problem+json with Retry-After, nothing received")
  void starting() throws Exception {
    when(availability.getReadinessState()).thenReturn(ReadinessState.REFUSING_TRAFFIC);

    send(report("Too early", "ada@example.net"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string("Retry-After", "5"));
    verify(intake, never()).receive(any());
  }

  @Test
  @DisplayName("R1 missing fields: 400 problem+json naming each")
  void missing() throws Exception {
    assertBadFields(Map.of("expected", "something", "reporter", Map.of("name", "x")),
        "title", "whatHappened", "howToReproduce", "reporter.email");
    Map<String, Object> noReporter = new HashMap<>(report("ok", "ada@example.net"));
    noReporter.remove("reporter");
    assertBadFields(noReporter, "reporter");
  }

  @Test
  @DisplayName("R1 bad values: two lines in a title, no address, a public report without a reference or with a script")
  void badValues() throws Exception {
    Map<String, Object> bad = new HashMap<>(report("ok", "not-an-address"));
    bad.put("publiclyDisclosed", true);
    bad.put("title", "two\nlines");
    assertBadFields(bad, "title", "reporter.email", "publicReference");

    Map<String, Object> badUrl = new HashMap<>(report("ok", "ada@example.net"));
    badUrl.put("publiclyDisclosed", true);
    badUrl.put("publicReference", "javascript:alert(1)");
    assertBadFields(badUrl, "publicReference");

    assertBadFields(new HashMap<>(report("x".repeat(201), "ada@example.net")), "title");

    Map<String, Object> nul = new HashMap<>(report("ok", "ada@example.net"));
    nul.put("whatHappened", "before\u0000after");
    nul.put("environment", Map.of("productVersion", "v1\nv2"));
    assertBadFields(nul, "whatHappened", "environment.productVersion");
  }

  @Test
  @DisplayName("R28 a credit is one line of at most 200 characters: two lines, a control character or 201 characters are a bad credit")
  void badCredit() throws Exception {
    for (String credit : new String[] {"Ada\nBcc: eve@example.net", "Ada\u0007", "x".repeat(201)}) {
      Map<String, Object> bad = new HashMap<>(report("ok", "ada@example.net"));
      bad.put("credit", credit);
      assertBadFields(bad, "credit");
    }
    verify(intake, never()).receive(any());
  }

  @Test
  @DisplayName("R1 strict JSON: a wrong type, even nested, and an unknown field are bad fields")
  void strictJson() throws Exception {
    Map<String, Object> wrongType = new HashMap<>(report("ok", "ada@example.net"));
    wrongType.put("publiclyDisclosed", "perhaps");
    assertBadFields(wrongType, "publiclyDisclosed");

    Map<String, Object> nestedWrongType = new HashMap<>(report("ok", "ada@example.net"));
    nestedWrongType.put("environment", Map.of("productVersion", List.of(1, 2)));
    assertBadFields(nestedWrongType, "environment.productVersion");

    Map<String, Object> unknown = new HashMap<>(report("ok", "ada@example.net"));
    unknown.put("severity", "CRITICAL");
    assertBadFields(unknown, "severity");
  }

  @Test
  @DisplayName("no report at all: broken JSON and an array are 400, a form and XML 415, more than 64 KiB 413")
  void notAReport() throws Exception {
    assertProblem(send("{\"title\": ", MediaType.APPLICATION_JSON), 400);
    assertProblem(send("[]", MediaType.APPLICATION_JSON), 400);
    assertProblem(send("title=x", MediaType.APPLICATION_FORM_URLENCODED), 415);
    assertProblem(send("<report/>", MediaType.APPLICATION_XML), 415);
    assertProblem(send("{\"title\": \"x\", \"whatHappened\": \"" + "a".repeat(70 * 1024) + "\"}",
        MediaType.APPLICATION_JSON), 413);
  }

  private void assertBadFields(Map<String, Object> body, String... fields) throws Exception {
    send(body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItems(fields)));
    verify(intake, never()).receive(any());
  }

  private void assertProblem(ResultActions answer, int status) throws Exception {
    answer.andExpect(status().is(status)).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    verify(intake, never()).receive(any());
  }

  private ResultActions send(Map<String, Object> body) throws Exception {
    return send(json.writeValueAsString(body), MediaType.APPLICATION_JSON);
  }

  private ResultActions send(String body, MediaType type) throws Exception {
    return mvc.perform(post("/api/v1/reports").contentType(type).content(body.getBytes(StandardCharsets.UTF_8)));
  }
}

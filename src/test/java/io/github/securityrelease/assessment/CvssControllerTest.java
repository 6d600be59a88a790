package io.github.securityrelease.assessment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.securityrelease.web.TestApi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The endpoint's answers; who may call it is the security configuration's (SecurityIT). */
class CvssControllerTest {

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new CvssController(new CvssScorer()))
      .setControllerAdvice(TestApi.exceptionHandler())
      .build();

  @Test
  @DisplayName("R5 GET /api/v1/cvss answers the version, base score, rating and vector")
  void scores() throws Exception {
    mvc.perform(get("/api/v1/cvss").param("vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(content().json("""
            {"version": "3.1", "baseScore": 7.5, "severity": "HIGH",
             "vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}""", true));
  }

  @Test
  @DisplayName("R5 a bad metric is a 400 problem naming the metric")
  void badMetric() throws Exception {
    mvc.perform(get("/api/v1/cvss").param("vector", "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.metric").value("AV"))
        .andExpect(jsonPath("$.errors[0].field").value("vector"))
        .andExpect(jsonPath("$.errors[0].message").value("AV: 'X' is not a valid value"));
  }

  @Test
  @DisplayName("a missing vector is a 400 problem, not a failure")
  void missingVector() throws Exception {
    mvc.perform(get("/api/v1/cvss"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.metric").value("vector"))
        .andExpect(jsonPath("$.errors[0].field").value("vector"));
  }
}

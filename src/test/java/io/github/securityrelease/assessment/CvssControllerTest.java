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
  @DisplayName("R5 GET /api/v1/cvss answers the version, score, base score, rating and vector")
  void scores() throws Exception {
    mvc.perform(get("/api/v1/cvss").param("vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(content().json("""
            {"version": "3.1", "score": 7.5, "baseScore": 7.5, "severity": "HIGH",
             "vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}""", true));
  }

  @Test
  @DisplayName("R5 a CVSS 4.0 vector is scored whole: E:U lowers a CRITICAL base to HIGH, with its nomenclature")
  void wholeVector4() throws Exception {
    mvc.perform(get("/api/v1/cvss").param("vector", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U"))
        .andExpect(status().isOk())
        .andExpect(content().json("""
            {"version": "4.0", "score": 8.1, "baseScore": 9.3, "severity": "HIGH", "nomenclature": "CVSS-BT",
             "threatScore": 8.1,
             "vector": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U"}""", true));
  }

  @Test
  @DisplayName("R5 a CVSS 3.1 vector with temporal and environmental metrics: the score is the environmental score")
  void wholeVector3() throws Exception {
    mvc.perform(get("/api/v1/cvss").param("vector", "CVSS:3.1/MAV:P/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/e:u/RL:X"))
        .andExpect(status().isOk())
        .andExpect(content().json("""
            {"version": "3.1", "score": 6.2, "baseScore": 9.8, "temporalScore": 9.0, "environmentalScore": 6.2,
             "severity": "MEDIUM", "vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/MAV:P"}""", true));
  }

  @Test
  @DisplayName("R5 a value the metric does not take is a 400 problem naming the metric, even in a supplemental metric")
  void badSupplementalValue() throws Exception {
    mvc.perform(get("/api/v1/cvss").param("vector", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Purple"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.metric").value("U"))
        .andExpect(jsonPath("$.errors[0].message").value("U: 'Purple' is not a valid value"));
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

package io.github.securityrelease.advisory;

import static io.github.securityrelease.advisory.AdvisoryCases.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** The CVSS metrics of a CVE record: the whole vector, canonical, with every score it has (R5, R18). */
class Cve5AdvisoryCvssTest {

  private final Cve5Advisory cve5 = new Cve5Advisory(PRODUCT);

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 8.1, """
            {"cvssV4_0": {"version": "4.0", "vectorString": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U",
              "baseScore": 9.3, "baseSeverity": "CRITICAL"}}"""),
        Arguments.of("cvss:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/u:clear/CR:L/IR:L/AR:L/E:U", 6.5, """
            {"cvssV4_0": {"version": "4.0",
              "vectorString": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/CR:L/IR:L/AR:L/U:Clear",
              "baseScore": 9.3, "baseSeverity": "CRITICAL"}}"""),
        Arguments.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/MAV:P", 6.2, """
            {"cvssV3_1": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/MAV:P",
              "baseScore": 9.8, "baseSeverity": "CRITICAL", "temporalScore": 9.0, "temporalSeverity": "CRITICAL",
              "environmentalScore": 6.2, "environmentalSeverity": "MEDIUM"}}"""),
        Arguments.of("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/RL:O", 9.4, """
            {"cvssV3_0": {"version": "3.0", "vectorString": "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/RL:O",
              "baseScore": 9.8, "baseSeverity": "CRITICAL", "temporalScore": 9.4, "temporalSeverity": "CRITICAL"}}"""));
  }

  @ParameterizedTest(name = "R18 R5 {0}")
  @MethodSource("vectors")
  @DisplayName("R18 R5 a CVE record carries the whole vector in canonical form with its base score, and for 3.x its temporal and environmental scores; valid against the current CVE record schema")
  void wholeVector(String vector, double score, String metric) throws Exception {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.put("cvssVersion", vector.substring(5, 8));
    variables.put("cvssVector", vector);
    variables.put("cvssScore", score);
    variables.remove("severity");
    ObjectNode record = cve5.write(AdvisoryCases.advisory(variables));

    assertThat(AdvisorySchemas.cveRecordErrors(record)).isEmpty();
    JSONAssert.assertEquals("[" + metric + "]", record.at("/containers/cna/metrics").toString(), JSONCompareMode.STRICT);
  }
}

package io.github.securityrelease.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.securityrelease.DefaultConfiguration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy's periods of membership, from the terms the service binds with nothing configured. */
class TeamTermsTest {

  private static final String PREFIX = "security-release.team";

  private final TeamTerms terms = new TeamTerms(DefaultConfiguration.bind(PREFIX, TeamProperties.class));

  @Test
  @DisplayName("R21 by default the associate rotation is 3 calendar months")
  void rotationIsThreeMonths() {
    assertThat(terms.rotationEnds(at("2026-01-15T10:00:00Z"))).isEqualTo(at("2026-04-15T10:00:00Z"));
    // calendar months, not 90 days: July to October has 92
    assertThat(terms.rotationEnds(at("2026-07-01T00:00:00Z"))).isEqualTo(at("2026-10-01T00:00:00Z"));
  }

  @Test
  @DisplayName("R23 by default a member counts as inactive 2 calendar months after their last activity")
  void inactivityIsTwoMonths() {
    assertThat(terms.inactivityDue(at("2026-01-15T10:00:00Z"))).isEqualTo(at("2026-03-15T10:00:00Z"));
    assertThat(terms.inactivityDue(at("2026-07-01T00:00:00Z"))).isEqualTo(at("2026-09-01T00:00:00Z"));
  }

  @ParameterizedTest(name = "R21 a configured rotation of {0} is refused: at least 3 months")
  @ValueSource(strings = {"P2M", "P90D", "P13W", "P2M30D", "P1M61D", "P0D", "P-3M", "P4M-40D"})
  @DisplayName("R21 a rotation configured shorter than 3 months stops the start-up")
  void shortRotationRefused(String rotation) {
    assertThatThrownBy(() -> bind("rotation", rotation))
        .rootCause().isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("security-release.team.rotation must be at least 3 months (R21)");
  }

  @ParameterizedTest(name = "R21 a configured rotation of {0} is at least 3 months")
  @ValueSource(strings = {"P3M", "P2M31D", "P1M62D", "P92D", "P6M", "P1Y"})
  @DisplayName("R21 a rotation of 3 months or more, however written, is accepted")
  void longRotationAccepted(String rotation) {
    assertThat(bind("rotation", rotation).rotation()).hasToString(rotation);
  }

  @ParameterizedTest(name = "R23 a configured inactivity of {0} is refused: at least 2 months")
  @ValueSource(strings = {"P1M", "P60D", "P1M30D", "P8W"})
  @DisplayName("R23 an inactivity period configured shorter than 2 months stops the start-up")
  void shortInactivityRefused(String inactivity) {
    assertThatThrownBy(() -> bind("inactivity", inactivity))
        .rootCause().isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("security-release.team.inactivity must be at least 2 months (R23)");
  }

  @Test
  @DisplayName("R23 an inactivity period of 2 months or more is accepted")
  void longInactivityAccepted() {
    assertThat(bind("inactivity", "P2M").inactivity()).hasToString("P2M");
    assertThat(bind("inactivity", "P62D").inactivity()).hasToString("P62D");
  }

  private static TeamProperties bind(String key, String value) {
    return DefaultConfiguration.bind(PREFIX, TeamProperties.class, Map.of(PREFIX + "." + key, value));
  }

  private static Date at(String instant) {
    return Date.from(Instant.parse(instant));
  }
}

package io.github.securityrelease.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemovalTallyTest {

  @ParameterizedTest(name = "R23 exactly two thirds of the members remove: {0} of {1}")
  @CsvSource({"2, 3", "4, 6", "6, 9", "3, 3", "1, 1", "2, 2", "5, 7"})
  @DisplayName("R23 exactly two thirds of the members remove the member")
  void twoThirdsRemove(int forRemoval, int electorate) {
    assertThat(new RemovalTally(electorate, forRemoval).outcome()).isEqualTo(RemovalOutcome.REMOVED);
  }

  @ParameterizedTest(name = "R23 one vote short of two thirds keeps the member: {0} of {1}")
  @CsvSource({"1, 3", "3, 6", "5, 9", "0, 1", "1, 2", "4, 7", "0, 3"})
  @DisplayName("R23 one vote short of two thirds keeps the member")
  void shortOfTwoThirdsKeeps(int forRemoval, int electorate) {
    assertThat(new RemovalTally(electorate, forRemoval).outcome()).isEqualTo(RemovalOutcome.KEPT);
  }

  @Test
  @DisplayName("R23 with no other member to vote, the member stays, and the outcome says why")
  void noElectorate() {
    assertThat(new RemovalTally(0, 0).outcome()).isEqualTo(RemovalOutcome.KEPT_NO_ELECTORATE);
  }

  @Test
  @DisplayName("no more votes for removal than voters")
  void impossibleCount() {
    assertThatThrownBy(() -> new RemovalTally(3, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RemovalTally(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}

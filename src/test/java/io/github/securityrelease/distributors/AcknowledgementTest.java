package io.github.securityrelease.distributors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.securityrelease.web.InvalidFieldException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AcknowledgementTest {

  @Test
  @DisplayName("R29 a status word is read as a form or a mail gives it; anything else is refused naming the field")
  void statusWords() {
    assertThat(Acknowledgement.Said.status("status", "not affected")).isEqualTo(DistributorStatus.NOT_AFFECTED);
    assertThat(Acknowledgement.Said.status("status", " fixed ")).isEqualTo(DistributorStatus.FIXED);
    assertThat(Acknowledgement.Said.status("status", "Under-Investigation"))
        .isEqualTo(DistributorStatus.UNDER_INVESTIGATION);
    assertThat(Acknowledgement.Said.status("status", "")).isNull();
    assertThatThrownBy(() -> Acknowledgement.Said.status("status", "BROKEN"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("status"));
  }

  @Test
  @DisplayName("R29 feedback's yes/no, the texts' limits, and a note only with a status: each refusal names its field")
  void limits() {
    assertThat(Acknowledgement.Said.yesNo("reviewed", "Yes")).isTrue();
    assertThat(Acknowledgement.Said.yesNo("tested", "no")).isFalse();
    assertThat(Acknowledgement.Said.yesNo("tested", null)).isNull();
    assertThatThrownBy(() -> Acknowledgement.Said.yesNo("tested", "maybe"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("tested"));
    assertThat(new Acknowledgement.Said(DistributorStatus.FIXED, " x".repeat(2000), null, null, null).note())
        .hasSize(3999);
    assertThatThrownBy(() -> new Acknowledgement.Said(DistributorStatus.FIXED, "x".repeat(4001), null, null, null))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("note"));
    assertThatThrownBy(() -> new Acknowledgement.Said(null, null, true, true, "bad\u0000"))
        .isInstanceOfSatisfying(InvalidFieldException.class,
            e -> assertThat(e.field()).isEqualTo("feedback.issuesFound"));
    assertThatThrownBy(() -> new Acknowledgement.Said(null, "a note about nothing", null, null, null))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("status"));
    assertThat(new Acknowledgement.Said(null, "  ", null, null, " ").note()).as("blank is none").isNull();
  }
}

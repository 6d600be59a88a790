package io.github.securityrelease.distributors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyStatusTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "UNDER_INVESTIGATION|UNDER_INVESTIGATION",
      "under investigation|UNDER_INVESTIGATION",
      "  Under  Investigation.  |UNDER_INVESTIGATION",
      "affected|AFFECTED",
      "Affected:|AFFECTED",
      "NOT AFFECTED|NOT_AFFECTED",
      "not-affected!|NOT_AFFECTED",
      "Fixed|FIXED"})
  @DisplayName("R29 a status word in any case, with spaces or hyphens for underscores, a full stop or colon after it")
  void statusWords(String line, DistributorStatus status) {
    assertThat(ReplyStatus.status(line)).isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Thanks, received", "affected by it?", "FIXED in 2.4", "unaffected", "''"})
  @DisplayName("R29 a line that is more or other than a status word is none")
  void noStatus(String line) {
    assertThat(ReplyStatus.status(line)).isNull();
  }

  @Test
  @DisplayName("R29 the first non-empty line's status, the rest of its paragraph the note")
  void statusAndNote() {
    Acknowledgement.Said said = ReplyStatus.of("\n\n  Affected\nWe ship 2.x.\nA fix is planned.\n\nRegards,\nBob\n");

    assertThat(said.status()).isEqualTo(DistributorStatus.AFFECTED);
    assertThat(said.note()).isEqualTo("We ship 2.x.\nA fix is planned.");
    assertThat(said.reviewed()).isNull();
  }

  @Test
  @DisplayName("R29 a status alone has no note")
  void statusAlone() {
    Acknowledgement.Said said = ReplyStatus.of("FIXED\n\nShipped last week, more below.");

    assertThat(said.status()).isEqualTo(DistributorStatus.FIXED);
    assertThat(said.note()).isNull();
  }

  @Test
  @DisplayName("R29 the signature ends the note: what is under \"-- \" is not the distributor's word")
  void signatureEndsTheNote() {
    Acknowledgement.Said said = ReplyStatus.of("not affected\nWe do not ship it.\n-- \nBob\nDistro security team");

    assertThat(said.status()).isEqualTo(DistributorStatus.NOT_AFFECTED);
    assertThat(said.note()).isEqualTo("We do not ship it.");
  }

  @Test
  @DisplayName("R29 a status word in the signature or in a quote without > is no status: the reply is \"received\"")
  void statusBelowTheOwnTextIsNone() {
    assertThat(ReplyStatus.of("-- \nFIXED")).isEqualTo(Acknowledgement.Said.RECEIVED);
    assertThat(ReplyStatus.of("-----Original Message-----\nFIXED\nfrom the notice")).isEqualTo(Acknowledgement.Said.RECEIVED);
    assertThat(ReplyStatus.of("________________________________\nAFFECTED")).isEqualTo(Acknowledgement.Said.RECEIVED);
  }

  @Test
  @DisplayName("R29 a reply whose first line is no status word, or with no text, is \"received\" alone")
  void receivedAlone() {
    assertThat(ReplyStatus.of("Thanks, we got it.\nAFFECTED")).isEqualTo(Acknowledgement.Said.RECEIVED);
    assertThat(ReplyStatus.of("")).isEqualTo(Acknowledgement.Said.RECEIVED);
    assertThat(ReplyStatus.of(null)).isEqualTo(Acknowledgement.Said.RECEIVED);
  }

  @Test
  @DisplayName("R29 a note longer than the limit is cut, not refused: the reply is in the mailbox")
  void longNoteIsCut() {
    Acknowledgement.Said said = ReplyStatus.of("affected\n" + "x".repeat(5000));

    assertThat(said.status()).isEqualTo(DistributorStatus.AFFECTED);
    assertThat(said.note()).endsWith("(cut here: the whole reply is in the security address's mailbox)");
  }
}

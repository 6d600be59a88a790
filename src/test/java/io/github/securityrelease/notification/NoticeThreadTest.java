package io.github.securityrelease.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R28: a notice carries its thread; the ledger's dedupe stays what it was. */
class NoticeThreadTest {

  private final Notice notice = new Notice(NotificationKind.ACKNOWLEDGEMENT, "SEC-2026-0001",
      List.of("ada@example.net"), "[SEC-2026-0001] Acknowledged", "Thank you.");

  @Test
  @DisplayName("R28 the thread is no part of the dedupe key: existing notices keep theirs")
  void dedupeUnchanged() {
    Notice threaded = notice.inThread("<report-1@example.net>");
    assertThat(threaded.thread()).isEqualTo("<report-1@example.net>");
    assertThat(threaded.dedupeKey()).isEqualTo(notice.dedupeKey());
    assertThat(threaded.on("x").thread()).as("another occasion keeps the thread").isEqualTo("<report-1@example.net>");
    assertThat(notice.dedupeKey()).as("the key as the ledger has it for notices before R28")
        .startsWith("ACKNOWLEDGEMENT:SEC-2026-0001:").hasSize("ACKNOWLEDGEMENT:SEC-2026-0001:".length() + 64);
  }

  @Test
  @DisplayName("R28 a thread that is no Message-ID is dropped, so no header can be injected")
  void unsafeThreadDropped() {
    assertThat(notice.inThread("<a@b>\r\nBcc: eve@example.net").thread()).isNull();
    assertThat(notice.inThread(null).thread()).isNull();
  }

  @Test
  @DisplayName("R28 a secret kept off the record: the mail carries it, the ledger's text does not, whatever the occasion or thread")
  void offRecord() {
    Notice withLink = new Notice(NotificationKind.REPORT_RECEIPT, "SEC-2026-0001", List.of("ada@example.net"),
        "Receipt", "Your page: https://sro.example/reporter/S3CR3T").keepingOffRecord("S3CR3T", "(not kept)")
        .on("again").inThread("<report-1@example.net>");
    assertThat(withLink.body()).isEqualTo("Your page: https://sro.example/reporter/(not kept)");
    assertThat(withLink.mailBody()).isEqualTo("Your page: https://sro.example/reporter/S3CR3T");
    assertThat(notice.mailBody()).as("a notice with nothing off the record sends its text").isEqualTo(notice.body());
  }
}

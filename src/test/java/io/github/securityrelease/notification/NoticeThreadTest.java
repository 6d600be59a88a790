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
}

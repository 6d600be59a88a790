package io.github.securityrelease.distributors;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.distributors.AcknowledgementRecords.Feedback;
import io.github.securityrelease.distributors.AcknowledgementRecords.NoticeSent;
import io.github.securityrelease.distributors.AcknowledgementRecords.Row;
import io.github.securityrelease.notification.NotificationKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShowDistributorAcknowledgementsTest {

  private static final Instant ADVANCE = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant RELEASE = Instant.parse("2026-12-14T09:30:00Z");

  @Test
  @DisplayName("R29 the form's table: a text per column, 'not yet' with the reminder for a silent distributor, a removed one by its id")
  void rowsAsTheFormShowsThem() {
    Row silent = new Row("SEC-2026-0001", 7, null, List.of(new NoticeSent(NotificationKind.ADVANCE_NOTICE, ADVANCE)),
        null, null, null, null, null, ADVANCE.plusSeconds(48 * 3600), List.of());
    Row answered = new Row("SEC-2026-0001", 8, "Distro A",
        List.of(new NoticeSent(NotificationKind.ADVANCE_NOTICE, ADVANCE),
            new NoticeSent(NotificationKind.RELEASE_NOTICE, RELEASE)),
        ADVANCE.plusSeconds(3600), DistributorStatus.NOT_AFFECTED, null, ADVANCE.plusSeconds(7200),
        new Feedback(true, null, "None", ADVANCE.plusSeconds(7200)), null, List.of());

    var table = ShowDistributorAcknowledgements.table(List.of(silent, answered));

    assertThat(table.get(0)).containsEntry("distributor", "(removed, #7)")
        .containsEntry("notices", "Advance notice 2026-12-01 10:00 UTC")
        .containsEntry("acknowledged", "not yet (reminded 2026-12-03 10:00 UTC)")
        .containsEntry("status", "").containsEntry("feedback", "");
    assertThat(table.get(1)).containsEntry("distributor", "Distro A")
        .containsEntry("notices", "Advance notice 2026-12-01 10:00 UTC; Release notice 2026-12-14 09:30 UTC")
        .containsEntry("acknowledged", "2026-12-01 11:00 UTC")
        .containsEntry("status", "Not affected")
        .containsEntry("feedback", "reviewed, found: None (2026-12-01 12:00 UTC)");
    assertThat(ShowDistributorAcknowledgements.table(List.of())).isEmpty();
  }
}

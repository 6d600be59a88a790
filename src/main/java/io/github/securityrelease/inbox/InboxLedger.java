package io.github.securityrelease.inbox;

import io.github.securityrelease.cluster.Node;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The mails the inbox has read, one row each ({@code inbox_mail}, V9): what makes a mail one case. */
@Repository
class InboxLedger {

  /** A row: what became of the mail, and its case if it is one. */
  record Entry(MailReading.Outcome outcome, String caseId) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Node node;

  InboxLedger(JdbcTemplate jdbc, Clock clock, Node node) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.node = node;
  }

  Optional<Entry> find(String key) {
    List<Entry> entries = jdbc.query("select outcome, case_id from inbox_mail where mail_key = ?",
        (row, n) -> new Entry(MailReading.Outcome.valueOf(row.getString(1)), row.getString(2)), key);
    return entries.stream().findFirst();
  }

  /**
   * The case of a mail read before (a report, or an answer to a case), by its Message-ID; a
   * distributor's acknowledgement (R29) opens no thread of the case's conversation.
   */
  Optional<String> caseOfMail(String messageId) {
    return jdbc.queryForList("select case_id from inbox_mail where message_id = ? and case_id is not null"
        + " and outcome in ('CASE', 'MESSAGE')",
        String.class, messageId).stream().findFirst();
  }

  /** Records the mail; a {@code DuplicateKeyException} when it is on record already (another node, an earlier reading). */
  void record(String key, String messageId, MailReading.Outcome outcome, String caseId) {
    jdbc.update("insert into inbox_mail (mail_key, message_id, read_at, outcome, case_id, node) values (?, ?, ?, ?, ?, ?)",
        key, messageId == null ? null : MailReading.line(messageId, 255), Timestamp.from(clock.instant()),
        outcome.name(), caseId, node.name());
  }
}

package io.github.securityrelease.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The messages IN of every case ({@code reporter_message}, V10), one row per dedupe key. */
@Repository
class ReporterMessages {

  private final JdbcTemplate jdbc;

  ReporterMessages(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean known(String dedupeKey) {
    Integer rows = jdbc.queryForObject("select count(*) from reporter_message where dedupe_key = ?", Integer.class,
        dedupeKey);
    return rows != null && rows > 0;
  }

  /** A {@code DuplicateKeyException} when the key is on record already (another node, a race). */
  void insert(String caseId, Instant at, String from, String body, Message.Source source, String dedupeKey,
      String messageId) {
    jdbc.update("insert into reporter_message (case_id, at, from_address, body, source, dedupe_key, message_id)"
        + " values (?, ?, ?, ?, ?, ?, ?)", caseId, Timestamp.from(at), from, body, source.name(), dedupeKey, messageId);
  }

  List<Message> of(String caseId) {
    return jdbc.query("select at, from_address, body, source from reporter_message where case_id = ? order by at, id",
        (row, n) -> new Message(Message.Direction.IN, row.getTimestamp(1).toInstant(), row.getString(2),
            row.getString(3), Message.Source.valueOf(row.getString(4))), caseId);
  }
}

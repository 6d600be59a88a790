package io.github.securityrelease.distributors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who changed what on the distributors list: a row per change with the state it left, so
 * that the list's history (who was told, from when to when) can be rebuilt after the fact.
 */
@Component
class DistributorChangeLog {

  /**
   * CREATED: an accepted application put it on the list (no user: the service); IMPORTED: an
   * administrator brought it over from the project's earlier list (R25).
   */
  enum Change { CREATED, IMPORTED, UPDATED, REMOVED }

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  DistributorChangeLog(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Records {@code change}, which left the distributor as {@code after}: part of the change's transaction. */
  void record(Change change, Distributor after) {
    jdbc.sql("""
            insert into distributor_change (distributor_id, action, changed_by, changed_at, state)
            values (:id, :action, :changedBy, :changedAt, :state)""")
        .param("id", after.id())
        .param("action", change.name())
        .param("changedBy", after.changedBy())
        .param("changedAt", OffsetDateTime.ofInstant(after.updatedAt(), ZoneOffset.UTC))
        .param("state", toJson(after))
        .update();
  }

  /** One change: what, by whom, when. */
  record Entry(long distributorId, Change action, String changedBy, Instant changedAt) {}

  /** Every change of a distributor, oldest first. */
  List<Entry> of(long distributorId) {
    return jdbc.sql("""
            select distributor_id, action, changed_by, changed_at from distributor_change
            where distributor_id = :id order by changed_at, id""")
        .param("id", distributorId)
        .query((rs, row) -> new Entry(rs.getLong("distributor_id"), Change.valueOf(rs.getString("action")),
            rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  private String toJson(Distributor distributor) {
    try {
      return json.writeValueAsString(distributor);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A distributor is always writable as JSON", e);
    }
  }
}

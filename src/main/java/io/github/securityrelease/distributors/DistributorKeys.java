package io.github.securityrelease.distributors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The OpenPGP keys each distributor registered ({@code distributor_openpgp_key}), in the order given. */
@Component
public class DistributorKeys {

  private final JdbcClient jdbc;

  DistributorKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The distributor's keys, valid or not; empty when it registered none. */
  public List<OpenPgpKey> of(long distributorId) {
    return jdbc.sql("select fingerprint, algorithm, bits, created_at, expires_at, user_ids, armoured "
            + "from distributor_openpgp_key where distributor_id = ? order by position")
        .param(distributorId)
        .query(DistributorKeys::key)
        .list();
  }

  /** The distributor's keys become these, in this order (none: it has no key). */
  @Transactional
  public void replace(long distributorId, List<OpenPgpKey> keys) {
    jdbc.sql("delete from distributor_openpgp_key where distributor_id = ?").param(distributorId).update();
    for (int position = 0; position < keys.size(); position++) {
      OpenPgpKey key = keys.get(position);
      jdbc.sql("insert into distributor_openpgp_key (distributor_id, position, fingerprint, algorithm, bits, "
              + "created_at, expires_at, user_ids, armoured) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(distributorId, position, key.fingerprint(), key.algorithm(), key.bits(),
              utc(key.createdAt()), key.expiresAt() == null ? null : utc(key.expiresAt()),
              String.join("\n", key.userIds()), key.armoured())
          .update();
    }
  }

  private static OpenPgpKey key(ResultSet row, int number) throws SQLException {
    OffsetDateTime expires = row.getObject("expires_at", OffsetDateTime.class);
    String userIds = row.getString("user_ids");
    return new OpenPgpKey(row.getString("fingerprint"), row.getString("algorithm"), row.getInt("bits"),
        row.getObject("created_at", OffsetDateTime.class).toInstant(), expires == null ? null : expires.toInstant(),
        userIds.isEmpty() ? List.of() : Arrays.asList(userIds.split("\n")), row.getString("armoured"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}

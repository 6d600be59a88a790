package io.github.securityrelease.distributors;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * R14, R16: the distributors the embargoed notices of a plan could not be encrypted to until its
 * public disclosure, because every key they registered expires before it. Read when the plan is
 * made, so that the team can ask them for a new key in time.
 */
@Component
public class ExpiringKeys {

  /** An active distributor whose keys all expire before the disclosure, with those keys. */
  public record Expiring(String organisation, List<OpenPgpKey> keys) {

    public Expiring {
      keys = List.copyOf(keys);
    }
  }

  private final JdbcClient jdbc;
  private final DistributorKeys keys;

  ExpiringKeys(JdbcClient jdbc, DistributorKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  /**
   * The active distributors (none removed) with keys, none of which is still valid at
   * {@code disclosure}, by organisation; those without a key are not here.
   */
  public List<Expiring> before(Instant disclosure) {
    return jdbc.sql("""
            select d.id, d.organisation from distributor d
            where d.active = true and d.removed_at is null
              and exists (select 1 from distributor_openpgp_key k where k.distributor_id = d.id)
            order by d.organisation_key""")
        .query((rs, row) -> new Expiring(rs.getString("organisation"), keys.of(rs.getLong("id"))))
        .list()
        .stream()
        .filter(distributor -> distributor.keys().stream().noneMatch(key -> key.validAt(disclosure)))
        .toList();
  }
}

package io.github.securityrelease.distributors;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.TestOpenPgpKeys;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Where a distributor's OpenPGP keys are kept: the service's own schema on H2. */
class DistributorKeysTest {

  private JdbcClient jdbc;
  private DistributorKeys keys;

  @BeforeEach
  void database() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(
        "jdbc:h2:mem:distributor-keys-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).table("sro_schema_history").load().migrate();
    jdbc = JdbcClient.create(dataSource);
    keys = new DistributorKeys(jdbc);
  }

  @Test
  @DisplayName("R14 a distributor's keys come back as stored, in their order, every field and the armoured key intact")
  void roundTrip() {
    long one = distributor("Distro One");
    long two = distributor("Distro Two");
    OpenPgpKey rsa = TestOpenPgpKeys.key("rsa4096");
    OpenPgpKey ed = TestOpenPgpKeys.key("ed25519");
    OpenPgpKey lapsing = OpenPgpKeys.read(TestOpenPgpKeys.armoured("subkey-expired"), Instant.parse("2020-06-01T00:00:00Z"));

    keys.replace(one, List.of(ed, rsa));
    keys.replace(two, List.of(lapsing));

    assertThat(keys.of(one)).containsExactly(ed, rsa);
    assertThat(keys.of(one).get(0).userIds()).hasSize(2);
    assertThat(keys.of(two)).containsExactly(lapsing);
    assertThat(keys.of(two).get(0).expiresAt()).isEqualTo(Instant.parse("2020-12-31T00:00:00Z"));
    assertThat(keys.of(distributor("Distro Three"))).isEmpty();
  }

  @Test
  @DisplayName("R14 replacing a distributor's keys drops the old ones and leaves other distributors' alone; none removes them")
  void replace() {
    long one = distributor("Distro One");
    long two = distributor("Distro Two");
    OpenPgpKey rsa = TestOpenPgpKeys.key("rsa4096");
    OpenPgpKey ed = TestOpenPgpKeys.key("ed25519");
    OpenPgpKey p256 = TestOpenPgpKeys.key("nistp256");
    keys.replace(one, List.of(rsa, ed));
    keys.replace(two, List.of(ed));

    keys.replace(one, List.of(p256));
    assertThat(keys.of(one)).containsExactly(p256);
    assertThat(keys.of(two)).containsExactly(ed);

    keys.replace(one, List.of());
    assertThat(keys.of(one)).isEmpty();
    assertThat(keys.of(two)).containsExactly(ed);
  }

  private long distributor(String organisation) {
    jdbc.sql("insert into distributor (organisation, organisation_key, active, created_at, updated_at)"
            + " values (:organisation, lower(:organisation), false, current_timestamp, current_timestamp)")
        .param("organisation", organisation)
        .update();
    return jdbc.sql("select id from distributor where organisation = :organisation")
        .param("organisation", organisation).query(Long.class).single();
  }
}

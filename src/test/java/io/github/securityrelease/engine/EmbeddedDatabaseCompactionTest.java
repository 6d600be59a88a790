package io.github.securityrelease.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What {@link EmbeddedDatabaseCompaction} leaves alone; EmbeddedDatabaseCompactionIT proves what it does on shutdown. */
class EmbeddedDatabaseCompactionTest {

  @TempDir Path data;

  @Test
  @DisplayName("an H2 database in memory is not compacted (and stays open)")
  void notInMemory() {
    JdbcDataSource memory = dataSource("jdbc:h2:mem:compaction-test;DB_CLOSE_DELAY=-1");
    JdbcClient.create(memory).sql("create table kept (id int)").update();

    assertThat(new EmbeddedDatabaseCompaction(memory, Duration.ofMinutes(1)).compact()).isEmpty();
    assertThat(JdbcClient.create(memory).sql("select count(*) from kept").query(Long.class).single()).isZero();
  }

  @Test
  @DisplayName("a timeout of PT0S leaves the H2 file as it is")
  void switchedOff() throws Exception {
    JdbcDataSource file = dataSource("jdbc:h2:file:" + data.resolve("db") + ";DB_CLOSE_DELAY=-1");
    JdbcClient.create(file).sql("create table kept (id int)").update();
    long before = Files.size(data.resolve("db.mv.db"));

    assertThat(new EmbeddedDatabaseCompaction(file, Duration.ZERO).compact()).isEmpty();
    assertThat(JdbcClient.create(file).sql("select count(*) from kept").query(Long.class).single()).isZero();
    assertThat(Files.size(data.resolve("db.mv.db"))).isEqualTo(before);
    JdbcClient.create(file).sql("shutdown").update();
  }

  private static JdbcDataSource dataSource(String url) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    return dataSource;
  }
}

package io.github.securityrelease.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.SecurityReleaseApplication;
import io.github.securityrelease.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A clean shutdown compacts the embedded H2 file ({@link EmbeddedDatabaseCompaction}): the
 * file is smaller after it, and everything is there when the service opens it again. On
 * PostgreSQL nothing is compacted.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseCompactionIT {

  private static final int ROWS = 2_000;
  private static final int REWRITES = 6;

  @TempDir Path data;

  @Test
  @DisplayName("a clean shutdown compacts the H2 file after the engine stopped: smaller, and every row there on reopening")
  void shutdownCompacts(CapturedOutput output) throws Exception {
    String url = TestDatabase.persistent(data);
    long processDefinitions;
    long before;
    try (ConfigurableApplicationContext service = start(url)) {
      processDefinitions = service.getBean(RepositoryService.class).createProcessDefinitionQuery().count();
      if (TestDatabase.postgres()) {
        assertThat(service.getBean(EmbeddedDatabaseCompaction.class).compact()).as("never on PostgreSQL").isEmpty();
        return;
      }
      JdbcClient jdbc = service.getBean(JdbcClient.class);
      // what a database open for a while leaves behind: every row written anew several times
      jdbc.sql("create table compaction_probe (id int primary key, text varchar(4000))").update();
      jdbc.sql("insert into compaction_probe select x, repeat('a', 4000) from system_range(1, " + ROWS + ")").update();
      for (int i = 0; i < REWRITES; i++) {
        jdbc.sql("update compaction_probe set text = repeat('" + (char) ('b' + i) + "', 4000)").update();
      }
      jdbc.sql("checkpoint sync").update();
      before = Files.size(file());
    }
    long after = Files.size(file());

    assertThat(after).as("the file after the shutdown, against %,d bytes before", before).isLessThan(before / 2);
    String log = output.getAll();
    assertThat(log).contains("Compacted the embedded H2 database " + file());
    assertThat(log.indexOf("Compacted the embedded H2 database")).as("before the pool closes")
        .isLessThan(log.lastIndexOf("Shutdown initiated"));
    assertThat(log.indexOf("Compacted the embedded H2 database")).as("after the job executor and the engine stopped")
        .isGreaterThan(log.lastIndexOf("Stopping the job executor"))
        .isGreaterThan(log.lastIndexOf("ENGINE-00007 Process Engine default closed"));

    try (ConfigurableApplicationContext again = start(url)) {
      JdbcClient jdbc = again.getBean(JdbcClient.class);
      assertThat(jdbc.sql("select count(*) from compaction_probe where text = repeat('" + (char) ('b' + REWRITES - 1)
          + "', 4000)").query(Long.class).single()).as("the last rows written").isEqualTo(ROWS);
      assertThat(again.getBean(RepositoryService.class).createProcessDefinitionQuery().count())
          .as("the engine's deployments").isEqualTo(processDefinitions);
    }
  }

  private Path file() {
    return data.resolve("security-release.mv.db");
  }

  private static ConfigurableApplicationContext start(String url) {
    List<String> arguments = new ArrayList<>(List.of(TestDatabase.arguments(url)));
    arguments.add("--server.port=0");
    arguments.add("--camunda.bpm.job-execution.enabled=true");
    return new SpringApplicationBuilder(SecurityReleaseApplication.class).run(arguments.toArray(String[]::new));
  }
}

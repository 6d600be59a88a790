package io.github.securityrelease.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where a start first writes into the database, the {@link StartLock} is taken: before Flyway
 * migrates, and before the engine creates or updates its schema (a plugin's preInit runs
 * before that). Whichever comes first takes it; the seeders and the deployment come after
 * both, since they need the engine. Not a matter of bean order: each hook takes it itself.
 */
@Configuration(proxyBeanMethods = false)
class StartLockHooks {

  @Bean
  FlywayMigrationStrategy migrateUnderStartLock(StartLock lock) {
    return flyway -> {
      lock.acquire();
      flyway.migrate();
    };
  }

  @Bean
  AbstractProcessEnginePlugin startLockPlugin(StartLock lock) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        lock.acquire();
      }

      @Override
      public String toString() {
        return "startLockPlugin";
      }
    };
  }
}

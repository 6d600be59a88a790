package io.github.securityrelease.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default's H2 file database ({@link EmbeddedDatabaseCompaction}); PostgreSQL
 * ignores it.
 *
 * @param shutdownCompactionTimeout how long a clean shutdown waits for H2 to rewrite its file
 *     with only its live pages ({@code SHUTDOWN COMPACT}) before it goes on without; {@code PT0S}
 *     leaves the file as it is (H2 then compacts it for 200 ms at most as it closes)
 */
@ConfigurationProperties("security-release.embedded-database")
public record EmbeddedDatabaseProperties(@DefaultValue("PT1M") Duration shutdownCompactionTimeout) {}

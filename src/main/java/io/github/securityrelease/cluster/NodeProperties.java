package io.github.securityrelease.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This node among the nodes that share one database.
 *
 * @param name this node's name in the ledger, the job log and its job locks; the host name when empty
 * @param shutdownTimeout how long a stopping node waits for its running jobs before it hands
 *     back the jobs it holds
 */
@ConfigurationProperties("security-release.node")
public record NodeProperties(String name, @DefaultValue("PT30S") Duration shutdownTimeout) {}

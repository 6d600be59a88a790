package io.github.securityrelease.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/**
 * This node's name among the nodes that share one database ({@code security-release.node.name},
 * the host name by default). The ledger records which node sent a notice, the engine which
 * node ran a job (its history's host name), and the job executor's lock owner starts with it.
 */
@Component
public class Node {

  private final String name;

  Node(NodeProperties properties) {
    String configured = properties.name();
    this.name = configured == null || configured.isBlank() ? hostName() : configured.strip();
  }

  public String name() {
    return name;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}

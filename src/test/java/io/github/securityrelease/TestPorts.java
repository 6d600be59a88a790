package io.github.securityrelease;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free port for a server a test starts later (GreenMail, a service node). Not one the
 * system hands out ({@code new ServerSocket(0)}): those come from the ephemeral range, where
 * any outgoing connection (JDBC, HTTP) may take the port before the server binds it. So a
 * random port below Linux's ephemeral range (32768-60999) that is free now.
 */
public final class TestPorts {

  private static final int LOWEST = 20_000;
  private static final int BELOW_EPHEMERAL = 32_768;

  private TestPorts() {}

  public static int free() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("No free port between " + LOWEST + " and " + BELOW_EPHEMERAL);
  }
}

package io.github.securityrelease.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** The rule of the URLs the service calls outside (GitHub, CVE Services): HTTPS, or plain HTTP on the loopback interface for tests. */
public final class OutsideUrls {

  private OutsideUrls() {}

  /** Whether {@code url} is {@code https}, or {@code http} to this machine's loopback interface. */
  public static boolean secure(URI url) {
    return "https".equalsIgnoreCase(url.getScheme()) || ("http".equalsIgnoreCase(url.getScheme()) && loopback(url));
  }

  /** Whether {@code url}'s host is {@code localhost} or a literal loopback address; a name is not resolved. */
  public static boolean loopback(URI url) {
    String host = url.getHost();
    if (host == null) {
      return false;
    }
    if ("localhost".equalsIgnoreCase(host)) {
      return true;
    }
    try {
      return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]") && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

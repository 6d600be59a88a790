package io.github.securityrelease.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The rules of the calls the service makes outside (GitHub, CVE Services): their URLs are HTTPS,
 * or plain HTTP on the loopback interface for tests; what a provider's answer says goes into a
 * message or the case's record only as {@link #shownText}.
 */
public final class OutsideUrls {

  /** The most of a provider's text a message or a record shows. */
  public static final int MAX_SHOWN = 200;

  private OutsideUrls() {}

  /**
   * A provider's text as a message may show it: one line, the secret the call carried never in
   * it (a provider may echo it), at most {@value #MAX_SHOWN} characters.
   */
  public static String shownText(String text, String secret) {
    String shown = text.replaceAll("\\p{Cntrl}", " ").strip();
    if (secret != null && !secret.isEmpty()) {
      shown = shown.replace(secret, "***");
    }
    return shown.length() <= MAX_SHOWN ? shown : shown.substring(0, MAX_SHOWN - 1) + "…";
  }

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

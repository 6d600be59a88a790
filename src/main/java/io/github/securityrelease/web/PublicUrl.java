package io.github.securityrelease.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's address as people outside reach it (reporters, through a proxy), for the links
 * in the mails: never taken from a request's {@code Host}, which whoever sends it chooses.
 *
 * @param publicUrl the base of every link, without a trailing slash; the default is where the
 *     embedded default listens
 */
@ConfigurationProperties("security-release")
public record PublicUrl(@DefaultValue("http://localhost:8080") URI publicUrl) {

  /** The absolute link to {@code path} (which starts with {@code /}). */
  public String link(String path) {
    String base = publicUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }
}

package io.github.securityrelease.disclosure;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param recipients where the public announcement goes (R18), e.g. the project's announce list */
@ConfigurationProperties("security-release.announce")
public record AnnounceProperties(List<String> recipients) {

  public AnnounceProperties {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
  }
}

package io.github.securityrelease.forge;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  @DisplayName("the credentials handed to JGit, and a URL's user information, are taken out of a text")
  void redacts() throws Exception {
    Redaction redaction = new Redaction(new UsernamePasswordCredentialsProvider("x-access-token", "s3cret-token"),
        "https://someone:url-password@example.org/p.git");
    CredentialItem.Password password = new CredentialItem.Password();
    assertThat(redaction.get(new URIish("https://example.org/p.git"), new CredentialItem.Username(), password))
        .isTrue();
    assertThat(password.getValue()).isEqualTo("s3cret-token".toCharArray());

    assertThat(redaction.redact("refused s3cret-token at https://someone:url-password@example.org/p.git;"
        + " url-password again")).isEqualTo("refused *** at https://***@example.org/p.git; *** again");
  }

  @Test
  @DisplayName("without credentials it offers none and still redacts URLs")
  void noCredentials() {
    Redaction redaction = new Redaction(null, "file:///tmp/public.git");

    assertThat(redaction.supports(new CredentialItem.Username())).isFalse();
    assertThat(redaction.redact("http://token@example.org/p.git")).isEqualTo("http://***@example.org/p.git");
  }
}

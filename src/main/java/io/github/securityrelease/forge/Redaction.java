package io.github.securityrelease.forge;

import java.net.URISyntaxException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * Keeps the forge's credentials out of every message: it hands JGit the caller's credentials
 * and remembers what it handed out, so that {@link #redact} can take those values, and any
 * user information in a URL, out of a text before it reaches an exception or a log.
 */
final class Redaction extends CredentialsProvider {

  private static final String HIDDEN = "***";
  private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");

  private final CredentialsProvider credentials;
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  /** {@code credentials} may be null: local and anonymous remotes need none. */
  Redaction(CredentialsProvider credentials, String... remotes) {
    this.credentials = credentials;
    for (String remote : remotes) {
      remember(passwordIn(remote));
    }
  }

  /** {@code url} without the user information a git URL may hold ({@code https://***@host/...}). */
  static String withoutUserInfo(String url) {
    return url == null ? null : USER_INFO.matcher(url).replaceAll(HIDDEN + "@");
  }

  String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = USER_INFO.matcher(text).replaceAll(HIDDEN + "@");
    for (String secret : secrets) {
      redacted = redacted.replace(secret, HIDDEN);
    }
    return redacted;
  }

  @Override
  public boolean isInteractive() {
    return false;
  }

  @Override
  public boolean supports(CredentialItem... items) {
    return credentials != null && credentials.supports(items);
  }

  @Override
  public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
    if (credentials == null || !credentials.get(uri, items)) {
      return false;
    }
    for (CredentialItem item : items) {
      remember(valueOf(item));
    }
    return true;
  }

  @Override
  public void reset(URIish uri) {
    if (credentials != null) {
      credentials.reset(uri);
    }
  }

  private void remember(String secret) {
    if (secret != null && !secret.isEmpty()) {
      secrets.add(secret);
    }
  }

  private static String valueOf(CredentialItem item) {
    if (item instanceof CredentialItem.StringType text) {
      return text.getValue();
    }
    if (item instanceof CredentialItem.CharArrayType chars && chars.getValue() != null) {
      return new String(chars.getValue());
    }
    return null;
  }

  private static String passwordIn(String remote) {
    try {
      return new URIish(remote).getPass();
    } catch (URISyntaxException notAUrl) {
      return null;
    }
  }
}

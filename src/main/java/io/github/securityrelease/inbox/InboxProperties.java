package io.github.securityrelease.inbox;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The security address's mailbox, which the service reads for reports (R1). Unset {@code url}:
 * no inbox, nothing runs.
 *
 * @param url {@code imaps://user@host:993/INBOX} ({@code imap://} only where the connection is
 *     protected otherwise); the user name URL-encoded ({@code security%40example.org})
 * @param password from SECURITY_RELEASE_INBOX_PASSWORD; a password in {@code url} is taken
 *     when this is unset, and never shown
 * @param pollInterval how long the service waits between two readings of the mailbox
 * @param maxSize the largest mail the service reads; a larger one stays in the mailbox, flagged
 * @param ownListIds the {@code List-Id}s of the security address itself where it is a mailing
 *     list (a Google Group): mail through it is a report, mail of any other list is not
 * @param maxAttachmentSize the largest file of a report the service keeps; a larger one stays in
 *     the mailbox, and the case says so
 * @param maxAttachmentsSize the most bytes of files the service keeps of one mail
 * @param idle whether the service waits for mail in IMAP IDLE where the server offers it, reading
 *     at once when mail comes; {@code pollInterval} is then the fallback reading's interval
 */
@ConfigurationProperties("security-release.inbox")
public record InboxProperties(
    URI url,
    String password,
    @DefaultValue("PT1M") Duration pollInterval,
    @DefaultValue("10MB") DataSize maxSize,
    @DefaultValue({}) Set<String> ownListIds,
    @DefaultValue("5MB") DataSize maxAttachmentSize,
    @DefaultValue("10MB") DataSize maxAttachmentsSize,
    @DefaultValue("true") boolean idle) {

  public InboxProperties {
    if (url != null && !"imap".equals(url.getScheme()) && !"imaps".equals(url.getScheme())) {
      throw new IllegalArgumentException("security-release.inbox.url must be imap:// or imaps://, not " + url.getScheme());
    }
    if (url != null && (url.getHost() == null || url.getRawUserInfo() == null)) {
      throw new IllegalArgumentException("security-release.inbox.url needs a user and a host: imaps://user@host/INBOX");
    }
    if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("security-release.inbox.poll-interval must be at least PT1S");
    }
  }

  String protocol() {
    return url.getScheme();
  }

  String user() {
    String userInfo = url.getRawUserInfo();
    int colon = userInfo.indexOf(':');
    return decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
  }

  /** The password of the environment, else the one in the URL, else none. */
  String secret() {
    if (password != null && !password.isEmpty()) {
      return password;
    }
    String userInfo = url.getRawUserInfo();
    int colon = userInfo.indexOf(':');
    return colon < 0 ? null : decode(userInfo.substring(colon + 1));
  }

  String folder() {
    String path = url.getPath() == null ? "" : url.getPath().replaceFirst("^/", "");
    return path.isEmpty() ? "INBOX" : path;
  }

  /** The mailbox as the log may name it: no password. */
  String mailbox() {
    return url.getScheme() + "://" + user() + "@" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + "/" + folder();
  }

  /** Never the password: a record's own toString would print it. */
  @Override
  public String toString() {
    return "InboxProperties[url=" + (url == null ? null : mailbox()) + ", pollInterval=" + pollInterval
        + ", maxSize=" + maxSize + ", ownListIds=" + ownListIds + ", maxAttachmentSize=" + maxAttachmentSize
        + ", maxAttachmentsSize=" + maxAttachmentsSize + ", idle=" + idle + "]";
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}

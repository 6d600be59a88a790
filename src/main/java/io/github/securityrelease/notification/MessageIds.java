package io.github.securityrelease.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs as mail headers carry them ({@code <left@right>}, RFC 5322). One from a mail is
 * untrusted: only that shape, in printable ASCII without spaces, is taken, so that a value put
 * into {@code In-Reply-To} or {@code References} can never end the header or add another.
 */
public final class MessageIds {

  /** Longer is no Message-ID a mail system makes; inbox_mail keeps 255. */
  static final int MAX_LENGTH = 250;
  /** References of a long thread: the newest are at the end, and a reply needs only a few. */
  static final int MAX_REFERENCES = 50;
  private static final String PART = "[\\x21-\\x7E&&[^<>@\\\\\"]]+";
  private static final Pattern SHAPE = Pattern.compile("<" + PART + "@" + PART + ">");

  private MessageIds() {}

  /** The Message-ID when {@code raw} is one (spaces around it stripped); empty otherwise. */
  public static Optional<String> safe(Object raw) {
    if (!(raw instanceof String text)) {
      return Optional.empty();
    }
    String id = text.strip();
    return id.length() <= MAX_LENGTH && SHAPE.matcher(id).matches() ? Optional.of(id) : Optional.empty();
  }

  /** The Message-IDs named by the headers' values ({@code In-Reply-To}, {@code References}), in order, at most {@value #MAX_REFERENCES}. */
  public static List<String> referenced(String... headers) {
    List<String> ids = new ArrayList<>();
    for (String header : headers) {
      if (header == null) {
        continue;
      }
      Matcher found = SHAPE.matcher(header);
      while (found.find() && ids.size() < MAX_REFERENCES) {
        String id = found.group();
        if (id.length() <= MAX_LENGTH && !ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    return ids;
  }
}

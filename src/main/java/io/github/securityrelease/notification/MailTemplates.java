package io.github.securityrelease.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The texts of the messages, one Mustache file per kind under {@code templates/mail/}. The
 * first line is {@code Subject: ...}, then a blank line, then the body. Values are inserted
 * as they are and never evaluated, so a reporter's text cannot act as a template.
 */
@Component
public class MailTemplates {

  private static final String SUBJECT_PREFIX = "Subject:";

  private final Map<NotificationKind, Template> templates = new EnumMap<>(NotificationKind.class);

  MailTemplates() {
    for (NotificationKind kind : NotificationKind.values()) {
      templates.put(kind, compile("templates/mail/" + kind.template() + ".mustache"));
    }
  }

  /**
   * A plain-text template from the classpath, compiled as the mails are: values inserted as
   * text and never evaluated, an absent value empty.
   */
  public static Template compile(String path) {
    try (Reader reader = read(path)) {
      return Mustache.compiler().escapeHTML(false).nullValue("").emptyStringIsFalse(true).compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Template unreadable: " + path, e);
    }
  }

  public Notice render(NotificationKind kind, String caseId, List<String> recipients, Map<String, ?> model) {
    String text = templates.get(kind).execute(model);
    int endOfSubject = endOfSubject(kind, text);
    String subject = singleLine(text.substring(SUBJECT_PREFIX.length(), endOfSubject));
    return new Notice(kind, caseId, recipients, subject, bodyOf(text, endOfSubject));
  }

  /** The body alone, to no recipient: for a text the service publishes elsewhere as the mail says it. */
  public String body(NotificationKind kind, Map<String, ?> model) {
    String text = templates.get(kind).execute(model);
    return bodyOf(text, endOfSubject(kind, text));
  }

  private static int endOfSubject(NotificationKind kind, String text) {
    int endOfSubject = text.indexOf('\n');
    if (!text.startsWith(SUBJECT_PREFIX) || endOfSubject < 0) {
      throw new IllegalStateException("Template of " + kind + " must start with a 'Subject:' line");
    }
    return endOfSubject;
  }

  private static String bodyOf(String text, int endOfSubject) {
    return text.substring(endOfSubject + 1).stripLeading();
  }

  /** A subject is one line, whatever a value in it holds. */
  private static String singleLine(String text) {
    return text.replaceAll("[\\r\\n\\t\\p{Cntrl}]+", " ").strip();
  }

  private static Reader read(String path) {
    try {
      return new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Mail template missing: " + path, e);
    }
  }
}

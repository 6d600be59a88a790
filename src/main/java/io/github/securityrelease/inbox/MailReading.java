package io.github.securityrelease.inbox;

import io.github.securityrelease.cases.Credit;
import io.github.securityrelease.distributors.MailedAcknowledgements;
import io.github.securityrelease.engine.TaskInput;
import io.github.securityrelease.intake.ReportRequest;
import io.github.securityrelease.notification.MessageIds;
import io.github.securityrelease.notification.Notification;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;

/**
 * What a mail of the security address is (R1): a report, or not one (an auto-reply, a bounce,
 * another list's traffic), or unreadable. The mail is untrusted: every value is cut to the
 * report's limits, control characters leave one-line fields, and nothing of it is rendered.
 */
final class MailReading {

  /** What the inbox does with a mail; the outcome column of {@code inbox_mail}. */
  enum Outcome {
    CASE, AUTO_REPLY, BOUNCE, LIST, OVERSIZED, UNREADABLE, MESSAGE,
    /** R29: a distributor's reply to its notice, recorded as its acknowledgement. */
    ACKNOWLEDGEMENT,
    /** R29: a distributor's OpenPGP reply to its notice: "received" recorded, the mail flagged for the team. */
    ENCRYPTED_REPLY,
    /** A reply to a distributor's notice from another address than that distributor's: flagged, nothing recorded. */
    STRANGER_REPLY
  }

  /**
   * A mail read: the report with the attachments kept, the answer to a case (R28), the reply to
   * a distributor's notice (R29), or why it is none.
   */
  record Reading(Outcome outcome, ReportRequest report, List<Attachment> attachments, Answer answer,
      MailedAcknowledgements.Reply reply) {

    Reading(Outcome outcome, ReportRequest report, List<Attachment> attachments) {
      this(outcome, report, attachments, null, null);
    }

    Reading(Outcome outcome, ReportRequest report, List<Attachment> attachments, Answer answer) {
      this(outcome, report, attachments, answer, null);
    }

    static Reading not(Outcome outcome) {
      return new Reading(outcome, null, List.of());
    }
  }

  /** A mail of a case's thread: a message of that case's conversation, never a new case (R28). */
  record Answer(String caseId, String from, String text) {}

  /** Which case a mail answers, if any: by the Message-IDs its headers name, or the case's tag in its subject. */
  interface Threads {
    Optional<String> caseOf(List<String> referenced, String subject);

    /** R29: the ledger's row of a notice to a distributor that the mail names, if it names one. */
    default Optional<Notification> distributorNotice(List<String> referenced) {
      return Optional.empty();
    }
  }

  /** No thread knows the mail: every mail is a report. */
  static final Threads NO_THREADS = (referenced, subject) -> Optional.empty();

  /** "On Mon, 1 Dec 2026 at 10:00, Ada wrote:" above a quote: the mail clients' way, in one line. */
  private static final Pattern ATTRIBUTION = Pattern.compile("\\s*On .{1,300} wrote:\\s*");

  static final int TITLE = 200;
  static final int SHORT_TEXT = 500;
  static final int NAME = 200;
  static final int ADDRESS = 254;
  /** The deepest nesting of multiparts read for the text: beyond it a mail is unreadable. */
  private static final int MAX_DEPTH = 5;
  private static final String MORE = "(cut here: the whole mail is in the security address's mailbox)";
  /** The most attachments kept of one mail: rows, not bytes, which the limits below bound. */
  static final int MAX_ATTACHMENTS = 20;

  private final Set<String> ownListIds;
  private final DataSize maxAttachmentSize;
  private final DataSize maxAttachmentsSize;

  MailReading(Set<String> ownListIds, DataSize maxAttachmentSize, DataSize maxAttachmentsSize) {
    this.ownListIds = ownListIds.stream().map(MailReading::listId).collect(java.util.stream.Collectors.toSet());
    this.maxAttachmentSize = maxAttachmentSize;
    this.maxAttachmentsSize = maxAttachmentsSize;
  }

  /**
   * The key by which the inbox knows a mail it has seen: the SHA-256 of its Message-ID, or, for
   * a mail without one, of its header lines (the same on every reading of one delivered mail).
   */
  static String key(MimeMessage mail) throws MessagingException {
    String messageId = mail.getMessageID();
    if (messageId != null && !messageId.isBlank()) {
      return sha256("message-id:" + messageId.strip());
    }
    return sha256("headers:" + String.join("\n", Collections.list(mail.getAllHeaderLines())));
  }

  Reading read(MimeMessage mail) throws MessagingException, IOException {
    return read(mail, NO_THREADS);
  }

  /**
   * A report, or, when {@code threads} knows the case it answers, a message of that case. An
   * auto-reply to a case's mail is neither.
   */
  Reading read(MimeMessage mail, Threads threads) throws MessagingException, IOException {
    Optional<Outcome> notReport = notReport(mail);
    if (notReport.isPresent()) {
      return Reading.not(notReport.get());
    }
    Optional<InternetAddress> sender = reporter(mail);
    List<String> referenced = MessageIds.referenced(header(mail, "In-Reply-To"), header(mail, "References"));
    Optional<Notification> notice = sender.isEmpty() ? Optional.empty() : threads.distributorNotice(referenced);
    if (notice.isPresent()) {
      return reply(mail, notice.get(), sender.get().getAddress());
    }
    Optional<String> text = text(mail);
    if (sender.isEmpty() || text.isEmpty()) {
      return Reading.not(Outcome.UNREADABLE);
    }
    // a report may be all subject: "what happened" is required of a case, so it says so
    String body = text.get().isBlank() ? "(The mail has no text: the subject is all of it.)" : text.get();
    Optional<String> caseId = threads.caseOf(referenced, mail.getSubject());
    if (caseId.isPresent()) {
      // an answer's files stay in the mailbox: the conversation keeps text
      return new Reading(Outcome.MESSAGE, null, List.of(),
          new Answer(caseId.get(), sender.get().getAddress(), TaskInput.abridged(withoutQuote(body), MORE)));
    }
    ReportRequest report = report(title(mail.getSubject()), sender.get(), body);
    List<Attachment> kept = new ArrayList<>();
    List<String> left = new ArrayList<>();
    attachments(mail, kept, left);
    return new Reading(Outcome.CASE, noted(report, kept, left), List.copyOf(kept));
  }

  /**
   * R29: a reply to a distributor's notice, never a report nor a message of the case's
   * conversation (which is the reporter's, R27). An OpenPGP reply (PGP/MIME, or an inline
   * armoured message) cannot be read by the service: it is "received" alone. Whose it is, is
   * {@link MailedAcknowledgements}' to say.
   */
  private static Reading reply(MimeMessage mail, Notification notice, String from)
      throws MessagingException, IOException {
    String own = text(mail).map(MailReading::withoutQuote).orElse("");
    boolean encrypted = mail.isMimeType("multipart/encrypted") || own.contains("-----BEGIN PGP MESSAGE-----");
    return new Reading(encrypted ? Outcome.ENCRYPTED_REPLY : Outcome.ACKNOWLEDGEMENT, null, List.of(), null,
        new MailedAcknowledgements.Reply(notice.caseId(), notice.recipients(), from, encrypted ? "" : own, encrypted));
  }

  /**
   * The mail's files within the limits, in the order of the mail; what is not kept is named in
   * {@code left} with why (it stays in the mailbox). Nothing of a file is opened but its bytes.
   */
  private void attachments(MimeMessage mail, List<Attachment> kept, List<String> left)
      throws MessagingException, IOException {
    List<Part> parts = new ArrayList<>();
    files(mail, 0, parts);
    long total = 0;
    for (Part part : parts) {
      String name = Attachment.fileName(fileName(part), kept.size() + left.size() + 1);
      if (kept.size() == MAX_ATTACHMENTS) {
        left.add(name + ": more than " + MAX_ATTACHMENTS + " files in one mail");
        continue;
      }
      byte[] bytes;
      try (InputStream in = part.getInputStream()) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxAttachmentSize.toBytes() + 1));
      } catch (IOException | MessagingException e) {
        left.add(name + ": its encoding could not be read");
        continue;
      }
      if (bytes.length > maxAttachmentSize.toBytes()) {
        left.add(name + ": larger than security-release.inbox.max-attachment-size (" + maxAttachmentSize + ")");
      } else if (total + bytes.length > maxAttachmentsSize.toBytes()) {
        left.add(name + ": the mail's files together are larger than security-release.inbox.max-attachments-size ("
            + maxAttachmentsSize + ")");
      } else {
        total += bytes.length;
        kept.add(Attachment.of(name, part.getContentType(), bytes, kept.size() + 1));
      }
    }
  }

  /**
   * The parts that are files: an attachment, a part with a file name, anything but text (an
   * image, a forwarded mail, which is not opened). A text part without a name is the mail's text.
   */
  private static void files(Part part, int depth, List<Part> files) throws MessagingException, IOException {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        files(multipart.getBodyPart(i), depth + 1, files);
      }
    } else if (depth > 0 && (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName(part) != null
        || !(part.isMimeType("text/plain") || part.isMimeType("text/html")))) {
      files.add(part);
    }
  }

  /** A part's file name, null for none or one that cannot be decoded (the part is still kept). */
  private static String fileName(Part part) {
    try {
      return part.getFileName();
    } catch (MessagingException e) {
      return null;
    }
  }

  /** The report with a note of the mail's files first in "anything else", where the team reads it. */
  private static ReportRequest noted(ReportRequest report, List<Attachment> kept, List<String> left) {
    if (kept.isEmpty() && left.isEmpty()) {
      return report;
    }
    StringBuilder note = new StringBuilder();
    if (!kept.isEmpty()) {
      note.append("Files of the mail, kept for the team (GET /api/v1/cases/{this case}/attachments):\n");
      for (int n = 1; n <= kept.size(); n++) {
        note.append(n).append(". ").append(kept.get(n - 1)).append('\n');
      }
    }
    if (!left.isEmpty()) {
      note.append("Files left in the security address's mailbox, not kept:\n");
      left.forEach(file -> note.append("- ").append(file).append('\n'));
    }
    String anythingElse = report.anythingElse() == null ? note.toString().strip()
        : note + "\n" + report.anythingElse();
    return new ReportRequest(report.title(), report.whatHappened(), report.expected(), report.howToReproduce(),
        TaskInput.abridged(anythingElse, MORE), report.environment(), report.reporter(), report.publiclyDisclosed(),
        report.publicReference(), report.credit());
  }

  /** Auto-replies and bounces (RFC 3834, RFC 3464) and list traffic are no reports. */
  Optional<Outcome> notReport(MimeMessage mail) throws MessagingException {
    String autoSubmitted = header(mail, "Auto-Submitted");
    if (autoSubmitted != null && !"no".equalsIgnoreCase(autoSubmitted.replaceAll("[;(].*", "").strip())) {
      return Optional.of(Outcome.AUTO_REPLY);
    }
    String returnPath = header(mail, "Return-Path");
    if ((returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) || mail.isMimeType("multipart/report")) {
      return Optional.of(Outcome.BOUNCE);
    }
    String list = header(mail, "List-Id");
    boolean ownList = list != null && ownListIds.contains(listId(list));
    String precedence = header(mail, "Precedence");
    if (!ownList && precedence != null && Set.of("bulk", "list", "junk", "auto_reply")
        .contains(precedence.strip().toLowerCase(Locale.ROOT))) {
      return Optional.of(precedence.strip().equalsIgnoreCase("auto_reply") ? Outcome.AUTO_REPLY : Outcome.LIST);
    }
    if (list != null && !ownList) {
      return Optional.of(Outcome.LIST);
    }
    return Optional.empty();
  }

  private static ReportRequest report(String title, InternetAddress sender, String text) {
    Optional<Map<ReportTemplate.Section, String>> sections = ReportTemplate.sections(text);
    if (sections.isEmpty()) {
      return new ReportRequest(title, TaskInput.abridged(text, MORE), null, null, null, null,
          reporter(sender), null, null, null);
    }
    Map<ReportTemplate.Section, String> parts = sections.get();
    String whatHappened = join(parts.get(ReportTemplate.Section.PREAMBLE), parts.get(ReportTemplate.Section.WHAT_HAPPENED));
    Map<ReportTemplate.Environment, String> environment = ReportTemplate.environment(
        parts.getOrDefault(ReportTemplate.Section.ENVIRONMENT, ""));
    return new ReportRequest(title,
        TaskInput.abridged(whatHappened == null ? text : whatHappened, MORE),
        long_(parts.get(ReportTemplate.Section.EXPECTED)),
        long_(parts.get(ReportTemplate.Section.HOW_TO_REPRODUCE)),
        long_(join(parts.get(ReportTemplate.Section.ANYTHING_ELSE), creditBeyondItsLine(parts))),
        new ReportRequest.Environment(
            line(environment.get(ReportTemplate.Environment.PRODUCT_VERSION), SHORT_TEXT),
            line(environment.get(ReportTemplate.Environment.KUBECTL_VERSION), SHORT_TEXT),
            line(environment.get(ReportTemplate.Environment.FLUXCD_VERSION), SHORT_TEXT),
            long_(environment.get(ReportTemplate.Environment.OTHERS))),
        reporter(sender), null, null, credit(parts.get(ReportTemplate.Section.CREDIT)));
  }

  /** What a reporter writes under "Credit" to decline it, as the template suggests ("none"). */
  private static final Set<String> DECLINED = Set.of("none", "no", "n/a", "-", "no credit", "no thanks");

  /** R28: the first line of the "Credit" section, made one line within the limit; none for a refusal. */
  static String credit(String section) {
    if (section == null) {
      return null;
    }
    String credit = Credit.cleaned(section.lines().findFirst().orElse(""));
    return credit == null || DECLINED.contains(credit.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "")) ? null : credit;
  }

  /**
   * A "Credit" section that is more than the credit (further lines, a cut) goes to "anything
   * else" as written as well, so that nothing a reporter wrote under it is lost.
   */
  private static String creditBeyondItsLine(Map<ReportTemplate.Section, String> parts) {
    String section = parts.get(ReportTemplate.Section.CREDIT);
    if (section == null || section.equals(Credit.cleaned(section))) {
      return null;
    }
    return "Credit (as written):\n" + section;
  }

  private static ReportRequest.Reporter reporter(InternetAddress sender) {
    return new ReportRequest.Reporter(line(sender.getPersonal(), NAME), sender.getAddress());
  }

  /**
   * Who wrote the mail: its From address; for a mail through the address's own list, the
   * sender the list names in {@code X-Original-Sender}, since a Google Group puts its own
   * address in From for a sender whose domain publishes a strict DMARC policy ("'Ada' via
   * kurator-security"), and the receipt must go to the reporter, not to the group.
   */
  private Optional<InternetAddress> reporter(MimeMessage mail) throws MessagingException {
    Optional<InternetAddress> from = address(header(mail, "From"));
    String list = header(mail, "List-Id");
    if (list == null || !ownListIds.contains(listId(list))) {
      return from;
    }
    Optional<InternetAddress> original = address(header(mail, "X-Original-Sender"));
    if (original.isEmpty()) {
      return from;
    }
    String name = from.map(InternetAddress::getPersonal).map(MailReading::withoutVia).orElse(null);
    try {
      return Optional.of(new InternetAddress(original.get().getAddress(), name, StandardCharsets.UTF_8.name()));
    } catch (java.io.UnsupportedEncodingException e) {
      return original;
    }
  }

  /** "'Ada Lovelace' via kurator-security": the name the group wrote for the sender. */
  private static String withoutVia(String personal) {
    return personal.replaceFirst("^'?(.*?)'? via .*$", "$1").strip();
  }

  /** The header's address, if it is one address a receipt can go to. */
  private static Optional<InternetAddress> address(String from) {
    if (from == null) {
      return Optional.empty();
    }
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(from, true);
      if (addresses.length != 1 || addresses[0].getAddress() == null || addresses[0].getAddress().length() > ADDRESS
          || !addresses[0].getAddress().matches("[^\\s@<>,;\"]+@[^\\s@<>,;\"]+\\.[^\\s@<>,;\"]+")) {
        return Optional.empty();
      }
      addresses[0].validate();
      return Optional.of(addresses[0]);
    } catch (AddressException e) {
      return Optional.empty();
    }
  }

  /**
   * The mail's text: its first {@code text/plain} part that is no attachment; for a mail of HTML
   * alone, its first {@code text/html} part as inert text ({@link HtmlText}).
   */
  private static Optional<String> text(Part mail) throws MessagingException, IOException {
    Optional<String> plain = part(mail, "text/plain", 0);
    if (plain.isPresent()) {
      return Optional.of(clean(plain.get()));
    }
    Optional<String> html = part(mail, "text/html", 0);
    return html.isPresent() ? Optional.of(clean(HtmlText.of(html.get()))) : Optional.empty();
  }

  /** The content of the first part of {@code type} that is no attachment, depth first. */
  private static Optional<String> part(Part part, String type, int depth) throws MessagingException, IOException {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return part.getContent() instanceof String text ? Optional.of(text) : Optional.empty();
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        Optional<String> text = part(multipart.getBodyPart(i), type, depth + 1);
        if (text.isPresent()) {
          return text;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A reply's own text: the quoted lines ({@code >}) and the "On ... wrote:" line above them left
   * out, which the case has already. The whole text when that leaves nothing (a reply that is all
   * quote, or one written inside the quote).
   */
  static String withoutQuote(String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      boolean quote = lines[i].startsWith(">");
      boolean attribution = ATTRIBUTION.matcher(lines[i]).matches() && quoteFollows(lines, i + 1);
      if (!quote && !attribution) {
        kept.append(lines[i]).append('\n');
      }
    }
    String own = kept.toString().strip();
    return own.isEmpty() ? text : own;
  }

  private static boolean quoteFollows(String[] lines, int from) {
    for (int i = from; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        return lines[i].startsWith(">");
      }
    }
    return false;
  }

  static String title(String subject) {
    String title = line(subject, TITLE);
    return title == null ? "(no subject)" : title;
  }

  /** One line: control characters and line breaks become spaces; null when blank. */
  static String line(String text, int max) {
    if (text == null) {
      return null;
    }
    String line = TaskInput.storableOf(text).replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").strip();
    if (line.isEmpty()) {
      return null;
    }
    return line.codePointCount(0, line.length()) <= max ? line : line.substring(0, line.offsetByCodePoints(0, max - 1)) + "…";
  }

  private static String long_(String text) {
    return text == null || text.isBlank() ? null : TaskInput.abridged(text, MORE);
  }

  private static String join(String first, String second) {
    if (first == null) {
      return second;
    }
    return second == null ? first : first + "\n\n" + second;
  }

  /** Text as stored: line breaks as {@code \n}, no NUL, no control character but tab and line break. */
  static String clean(String text) {
    return TaskInput.storableOf(text).replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
  }


  private static String header(MimeMessage mail, String name) throws MessagingException {
    return mail.getHeader(name, ",");
  }

  /** The ID of a List-Id header: what is in its angle brackets, in lower case. */
  private static String listId(String header) {
    int open = header.lastIndexOf('<');
    int close = header.lastIndexOf('>');
    String id = open >= 0 && close > open ? header.substring(open + 1, close) : header;
    return id.strip().toLowerCase(Locale.ROOT);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.github.securityrelease.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.inbox.MailReading.Outcome;
import io.github.securityrelease.intake.ReportRequest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class MailReadingTest {

  private final MailReading reading = new MailReading(Set.of("kurator-security.googlegroups.com"),
      DataSize.ofKilobytes(10), DataSize.ofKilobytes(15));

  @Test
  @DisplayName("R1 a mail is a report: the sender the reporter, the subject the title, the whole text what happened")
  void plainMail() throws Exception {
    ReportRequest report = report(mail("From: Ada Reporter <ada@example.net>\nSubject: Token in the logs\n\n"
        + "The controller logs the token.\nEnvironment: none of your business\n"));
    assertThat(report.title()).isEqualTo("Token in the logs");
    assertThat(report.reporter().email()).isEqualTo("ada@example.net");
    assertThat(report.reporter().name()).isEqualTo("Ada Reporter");
    assertThat(report.whatHappened()).isEqualTo("The controller logs the token.\nEnvironment: none of your business\n");
    assertThat(report.howToReproduce()).isNull();
    assertThat(report.environment()).isNull();
  }

  @Test
  @DisplayName("R1 a report through the address's own Google Group whose From the group rewrote (DMARC) is the original sender's")
  void groupRewroteFrom() throws Exception {
    ReportRequest report = report(mail("From: 'Ada Reporter' via kurator-security <kurator-security@googlegroups.com>\n"
        + "Reply-To: Ada Reporter <ada@example.net>\nX-Original-Sender: ada@example.net\n"
        + "List-Id: <kurator-security.googlegroups.com>\nPrecedence: list\nSubject: Token in the logs\n\nLeak.\n"));
    assertThat(report.reporter().email()).isEqualTo("ada@example.net");
    assertThat(report.reporter().name()).isEqualTo("Ada Reporter");
    ReportRequest direct = report(mail("From: Bob <bob@example.net>\nX-Original-Sender: mallory@example.net\n"
        + "Subject: Token\n\nLeak.\n"));
    assertThat(direct.reporter().email()).as("X-Original-Sender counts only on the own list's mail").isEqualTo("bob@example.net");
  }

  @Test
  @DisplayName("R1 the report template's headings are read into the report's fields")
  void template() throws Exception {
    ReportRequest report = report(mail("From: bob@example.net\nSubject: Template\n\nHello team,\n\n"
        + "**What happened**:\nThe token leaks.\n\n**What you expected to happen**: no leak\n\n"
        + "**How to reproduce it (as minimally and precisely as possible)**:\nRun with -v=6.\n\n"
        + "**Anything else we need to know?**:\n\n**Environment**:\n\n- Kurator version: v0.6.0\n"
        + "- kubectl version: v1.29.1\n- fluxcd version:\n- Others: kind on arm64\n"));
    assertThat(report.whatHappened()).isEqualTo("Hello team,\n\nThe token leaks.");
    assertThat(report.expected()).isEqualTo("no leak");
    assertThat(report.howToReproduce()).isEqualTo("Run with -v=6.");
    assertThat(report.anythingElse()).isNull();
    assertThat(report.environment().productVersion()).isEqualTo("v0.6.0");
    assertThat(report.environment().kubectlVersion()).isEqualTo("v1.29.1");
    assertThat(report.environment().fluxcdVersion()).isNull();
    assertThat(report.environment().others()).isEqualTo("kind on arm64");
  }

  @Test
  @DisplayName("R28 a Credit heading says how the reporter wishes to be credited; without one, or with none, no credit")
  void credit() throws Exception {
    String template = "From: Ada Reporter <ada@example.net>\nSubject: Template\n\n**What happened**:\nThe token leaks.\n\n";
    assertThat(report(mail(template + "**Credit**: Ada Lovelace (@ada)\n")).credit()).isEqualTo("Ada Lovelace (@ada)");
    assertThat(report(mail(template + "Credit:\n\n  @ada-sec  \n")).credit()).isEqualTo("@ada-sec");
    assertThat(report(mail(template)).credit()).isNull();
    for (String declined : new String[] {"None", "none.", "n/a", "-", "No credit", ""}) {
      assertThat(report(mail(template + "**Credit**: " + declined + "\n")).credit()).as(declined).isNull();
    }
    assertThat(report(mail("From: ada@example.net\nSubject: Plain\n\nCredit: Ada\n")).credit())
        .as("a mail without the template's headings is what happened, whole").isNull();
  }

  @Test
  @DisplayName("R28 a Credit section of more than one line is credited by its first line and kept whole in anything else")
  void creditOfManyLines() throws Exception {
    ReportRequest report = report(mail("From: ada@example.net\nSubject: Template\n\n**What happened**:\nLeak.\n\n"
        + "**Credit**: Ada\nand my colleague Bob, who found the second path\n"));
    assertThat(report.credit()).isEqualTo("Ada");
    assertThat(report.anythingElse()).isEqualTo("Credit (as written):\nAda\nand my colleague Bob, who found the second path");
    String tooLong = "x".repeat(300);
    ReportRequest cut = report(mail("From: ada@example.net\nSubject: T\n\nWhat happened: Leak.\nCredit: " + tooLong + "\n"));
    assertThat(cut.credit()).hasSize(200).endsWith("…");
    assertThat(cut.anythingElse()).contains(tooLong);
  }

  @Test
  @DisplayName("R1 the text part of a multipart mail is read; attachments and HTML are not what happened")
  void multipart() throws Exception {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setFrom("ada@example.net");
    mail.setSubject("With a PoC");
    MimeMultipart parts = new MimeMultipart("mixed");
    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setText("#!/bin/sh\nrm -rf /", "UTF-8");
    attachment.setDisposition(MimeBodyPart.ATTACHMENT);
    MimeBodyPart text = new MimeBodyPart();
    text.setText("See the attached script.", "UTF-8");
    parts.addBodyPart(attachment);
    parts.addBodyPart(text);
    mail.setContent(parts);
    mail.saveChanges();
    assertThat(report(reparsed(mail)).whatHappened()).isEqualTo("See the attached script.");
  }

  @Test
  @DisplayName("R1 attachments are kept within the limits, as bytes, names made harmless; what is not kept the case names")
  void attachments() throws Exception {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setFrom("ada@example.net");
    mail.setSubject("Files");
    MimeMultipart parts = new MimeMultipart("mixed");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("See the files.", "UTF-8");
    parts.addBodyPart(text);
    parts.addBodyPart(file("poc.sh", "application/x-sh", "#!/bin/sh\nid\n".getBytes(StandardCharsets.UTF_8)));
    parts.addBodyPart(file("../../etc/pass\"wd;.sh", "text/plain; name=x", new byte[] {1, 2, 3}));
    parts.addBodyPart(file("too-big.bin", "application/octet-stream", new byte[11 * 1024]));
    parts.addBodyPart(file("first-half.bin", "Application/X-Half", new byte[8 * 1024]));
    parts.addBodyPart(file("second-half.bin", "application/octet-stream", new byte[8 * 1024]));
    mail.setContent(parts);
    mail.saveChanges();

    MailReading.Reading read = reading.read(reparsed(mail));

    assertThat(read.outcome()).isEqualTo(Outcome.CASE);
    assertThat(read.report().whatHappened()).isEqualTo("See the files.");
    assertThat(read.attachments()).extracting(Attachment::fileName, Attachment::contentType, Attachment::size)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("poc.sh", "application/x-sh", 13L),
            org.assertj.core.groups.Tuple.tuple("pass_wd_.sh", "text/plain", 3L),
            org.assertj.core.groups.Tuple.tuple("first-half.bin", "application/x-half", 8192L));
    assertThat(read.attachments().get(0).content()).asString(StandardCharsets.UTF_8).isEqualTo("#!/bin/sh\nid\n");
    assertThat(read.attachments().get(0).sha256()).hasSize(64);
    assertThat(read.report().anythingElse())
        .contains("1. poc.sh (application/x-sh, 13 bytes)", "3. first-half.bin (application/x-half, 8192 bytes)")
        .contains("- too-big.bin: larger than security-release.inbox.max-attachment-size (10240B)")
        .contains("- second-half.bin: the mail's files together are larger than security-release.inbox.max-attachments-size");
    assertThat(Attachment.fileName("..\\..\\C:\\evil\r\nx.exe", 4)).isEqualTo("evil x.exe");
    assertThat(Attachment.contentType("text/html\r\n<script>")).isEqualTo("application/octet-stream");
    assertThat(Attachment.fileName(" ... ", 4)).isEqualTo("attachment-4");
    assertThat(Attachment.fileName("x".repeat(300), 1)).hasSize(200);
  }

  private static MimeBodyPart file(String name, String type, byte[] bytes) throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(bytes, type)));
    part.setFileName(name);
    part.setDisposition(MimeBodyPart.ATTACHMENT);
    return part;
  }

  @Test
  @DisplayName("R1 a mail of HTML alone becomes inert text: no markup, links written out, scripts and styles dropped")
  void htmlAlone() throws Exception {
    ReportRequest report = report(mail("From: ada@example.net\nSubject: HTML\nContent-Type: text/html; charset=UTF-8\n\n"
        + "<html><head><title>T</title><style>p { color: red }</style><script>alert('head')</script></head>"
        + "<body onload=\"steal()\"><p>The <b>token</b> leaks&nbsp;here:</p><script>alert(1)</script>"
        + "<p>See <a href=\"https://evil.example/x\">the docs</a> and <a href=\"https://ok.example/\">https://ok.example/</a>."
        + "</p><ul><li>one</li><li>two<br>lines</li></ul><pre>  kubectl get\n    pods</pre>"
        + "<img src=\"https://tracker.example/p.gif\" onerror=\"x()\"><iframe src=\"https://evil.example\">no</iframe>"
        + "<noscript>hidden</noscript></body></html>\n"));
    assertThat(report.whatHappened()).isEqualTo("The token leaks here:\n\n"
        + "See the docs <https://evil.example/x> and https://ok.example/.\n\n- one\n- two\nlines\n\n  kubectl get\n    pods");
    assertThat(report.whatHappened()).doesNotContain("<b>", "<p", "alert", "color", "steal", "tracker", "hidden", "onerror");

    MimeMessage both = new MimeMessage(Session.getInstance(new Properties()));
    both.setFrom("ada@example.net");
    both.setSubject("Both");
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent("<p>The HTML part</p>", "text/html; charset=UTF-8");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("The text part", "UTF-8");
    alternative.addBodyPart(html);
    alternative.addBodyPart(text);
    both.setContent(alternative);
    both.saveChanges();
    assertThat(report(reparsed(both)).whatHappened()).as("the text part, wherever it is").isEqualTo("The text part");
  }

  @Test
  @DisplayName("R1 auto-replies, bounces and other lists' mail are no reports; the security address's own list is")
  void notReports() throws Exception {
    String body = "Subject: Out of office\n\nI am away.\n";
    assertThat(outcome("From: a@example.net\nAuto-Submitted: auto-replied\n" + body)).isEqualTo(Outcome.AUTO_REPLY);
    assertThat(outcome("From: a@example.net\nAuto-Submitted: auto-generated; type=vacation\n" + body)).isEqualTo(Outcome.AUTO_REPLY);
    assertThat(outcome("From: a@example.net\nAuto-Submitted: no\n" + body)).isEqualTo(Outcome.CASE);
    assertThat(outcome("Return-Path: <>\nFrom: mailer-daemon@example.net\n" + body)).isEqualTo(Outcome.BOUNCE);
    assertThat(outcome("Return-Path: <ada@example.net>\nFrom: ada@example.net\n" + body)).isEqualTo(Outcome.CASE);
    assertThat(outcome("From: a@example.net\nContent-Type: multipart/report; report-type=delivery-status; boundary=x\n"
        + "Subject: Undeliverable\n\n--x\nContent-Type: text/plain\n\nfailed\n--x--\n")).isEqualTo(Outcome.BOUNCE);
    assertThat(outcome("From: a@example.net\nList-Id: Kubernetes dev <dev.kubernetes.io>\n" + body)).isEqualTo(Outcome.LIST);
    assertThat(outcome("From: a@example.net\nPrecedence: bulk\n" + body)).isEqualTo(Outcome.LIST);
    assertThat(outcome("From: a@example.net\nPrecedence: auto_reply\n" + body)).isEqualTo(Outcome.AUTO_REPLY);
    assertThat(outcome("From: a@example.net\nList-Id: Security <kurator-security.GoogleGroups.com>\nPrecedence: list\n" + body))
        .as("the security address's own Google Group").isEqualTo(Outcome.CASE);
  }

  @Test
  @DisplayName("R1 an untrusted mail is held to the report's limits: one-line title, cut texts, a sender or no case")
  void limits() throws Exception {
    ReportRequest report = report(mail("From: \"Eve\r\n Bcc: x\" <eve@example.net>\nSubject: =?UTF-8?B?"
        + java.util.Base64.getEncoder().encodeToString("A\r\nBcc: victim@example.net\u0000".getBytes(StandardCharsets.UTF_8))
        + "?=\n\n" + "x".repeat(10_000) + "\u0000\n"));
    assertThat(report.title()).isEqualTo("A Bcc: victim@example.net");
    assertThat(report.reporter().name()).doesNotContain("\n", "\r");
    assertThat(report.whatHappened()).hasSizeLessThanOrEqualTo(4000).endsWith("the whole mail is in the security address's mailbox)")
        .doesNotContain("\u0000");
    assertThat(report(mail("From: ada@example.net\nSubject: " + "t".repeat(300) + "\n\nx\n")).title()).hasSize(200);
    assertThat(report(mail("From: ada@example.net\n\n\n")).title()).isEqualTo("(no subject)");
    assertThat(report(mail("From: ada@example.net\nSubject: empty\n\n\n")).whatHappened()).isNotBlank();

    assertThat(outcome("Subject: no sender\n\nx\n")).isEqualTo(Outcome.UNREADABLE);
    assertThat(outcome("From: a@example.net, b@example.net\nSubject: two senders\n\nx\n")).isEqualTo(Outcome.UNREADABLE);
    assertThat(outcome("From: not an address\nSubject: bad sender\n\nx\n")).isEqualTo(Outcome.UNREADABLE);
  }

  @Test
  @DisplayName("R1 a mail is known by its Message-ID, else by its headers: the same mail read twice has one key")
  void keys() throws Exception {
    String mail = "From: ada@example.net\nMessage-ID: <1@example.net>\nSubject: x\n\nx\n";
    assertThat(MailReading.key(mail(mail))).isEqualTo(MailReading.key(mail(mail))).hasSize(64);
    assertThat(MailReading.key(mail(mail))).isNotEqualTo(MailReading.key(mail(mail.replace("<1@", "<2@"))));
    String noId = "Received: from a by b; Mon, 1 Jun 2026 10:00:00 +0000\nFrom: ada@example.net\nSubject: x\n\nx\n";
    assertThat(MailReading.key(mail(noId))).isEqualTo(MailReading.key(mail(noId)))
        .isNotEqualTo(MailReading.key(mail(noId.replace("10:00", "10:01"))));
  }

  @Test
  @DisplayName("the inbox's password never shows: not in the mailbox the log names, not in the properties' text")
  void passwordNeverShown() {
    InboxProperties properties = new InboxProperties(URI.create("imaps://security%40example.org:s3cret@mail.example.org:993/INBOX"),
        null, Duration.ofMinutes(1), DataSize.ofMegabytes(10), Set.of(), DataSize.ofMegabytes(5), DataSize.ofMegabytes(10), true);
    assertThat(properties.user()).isEqualTo("security@example.org");
    assertThat(properties.secret()).isEqualTo("s3cret");
    assertThat(properties.folder()).isEqualTo("INBOX");
    assertThat(properties.mailbox()).isEqualTo("imaps://security@example.org@mail.example.org:993/INBOX");
    assertThat(properties.toString()).doesNotContain("s3cret");
    InboxProperties fromEnvironment = new InboxProperties(URI.create("imap://security@localhost/"), "env-secret",
        Duration.ofMinutes(1), DataSize.ofMegabytes(10), Set.of(), DataSize.ofMegabytes(5), DataSize.ofMegabytes(10), true);
    assertThat(fromEnvironment.secret()).isEqualTo("env-secret");
    assertThat(fromEnvironment.toString()).doesNotContain("env-secret");
  }

  private ReportRequest report(MimeMessage mail) throws Exception {
    MailReading.Reading read = reading.read(mail);
    assertThat(read.outcome()).isEqualTo(Outcome.CASE);
    return read.report();
  }

  private Outcome outcome(String mail) throws Exception {
    return reading.read(mail(mail)).outcome();
  }

  private static MimeMessage mail(String text) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
  }

  private static MimeMessage reparsed(MimeMessage mail) throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    mail.writeTo(bytes);
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray()));
  }
}

package io.github.securityrelease.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.inbox.MailReading.Outcome;
import io.github.securityrelease.notification.MessageIds;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** R28: how the inbox knows a reply to a case, and what of it joins the conversation. */
class RepliesTest {

  private static final String OURS = "<notification-17.SEC-2026-0003@kurator.example>";

  private final MailReading reading = new MailReading(Set.of(), DataSize.ofMegabytes(5), DataSize.ofMegabytes(10));
  private final List<List<String>> asked = new ArrayList<>();
  private final MailReading.Threads threads = (referenced, subject) -> {
    asked.add(referenced);
    return referenced.contains(OURS) || (subject != null && subject.contains("[SEC-2026-0003]"))
        ? Optional.of("SEC-2026-0003") : Optional.empty();
  };

  @Test
  @DisplayName("R28 a reply naming a mail the service sent (In-Reply-To) is a message of that case, its own text without the quote")
  void replyByInReplyTo() throws Exception {
    MailReading.Reading read = reading.read(mail("From: Ada <ada@example.net>\nSubject: Re: your message\n"
        + "In-Reply-To: " + OURS + "\nReferences: <report-1@example.net> " + OURS + "\n\n"
        + "Yes, here are the logs.\n\nOn Mon, 1 Dec 2026 at 10:00, Security Team <security@kurator.example> wrote:\n"
        + "> Can you share the logs?\n>\n> The security team\n"), threads);

    assertThat(read.outcome()).isEqualTo(Outcome.MESSAGE);
    assertThat(read.report()).isNull();
    assertThat(read.answer().caseId()).isEqualTo("SEC-2026-0003");
    assertThat(read.answer().from()).isEqualTo("ada@example.net");
    assertThat(read.answer().text()).isEqualTo("Yes, here are the logs.");
    assertThat(asked).singleElement().isEqualTo(List.of(OURS, "<report-1@example.net>"));
  }

  @Test
  @DisplayName("R28 a reply known by the case's tag in the subject alone is a message of that case")
  void replyBySubjectTag() throws Exception {
    MailReading.Reading read = reading.read(mail("From: ada@example.net\nSubject: Re: [SEC-2026-0003] Token leak\n\n"
        + "Another detail."), threads);
    assertThat(read.outcome()).isEqualTo(Outcome.MESSAGE);
    assertThat(read.answer().text()).isEqualTo("Another detail.");
  }

  @Test
  @DisplayName("R28 a mail of no known thread is a report; an auto-reply to a case's mail is neither report nor message")
  void notReplies() throws Exception {
    assertThat(reading.read(mail("From: ada@example.net\nSubject: Re: [SEC-2026-0999] unknown\n"
        + "In-Reply-To: <notification-99.SEC-2026-0999@kurator.example>\n\nNew report."), threads).outcome())
        .isEqualTo(Outcome.CASE);
    assertThat(reading.read(mail("From: ada@example.net\nSubject: Out of office: [SEC-2026-0003]\n"
        + "Auto-Submitted: auto-replied\nIn-Reply-To: " + OURS + "\n\nAway."), threads).outcome())
        .isEqualTo(Outcome.AUTO_REPLY);
  }

  @Test
  @DisplayName("R28 the quote is left out where cheap, the whole text kept otherwise")
  void quote() {
    assertThat(MailReading.withoutQuote("Thanks!\n\n> old text\n> more")).isEqualTo("Thanks!");
    assertThat(MailReading.withoutQuote("> all quote\n> nothing else")).isEqualTo("> all quote\n> nothing else");
    assertThat(MailReading.withoutQuote("> question?\nanswer inside\n> next?\nsecond answer"))
        .isEqualTo("answer inside\nsecond answer");
    assertThat(MailReading.withoutQuote("On the road I wrote:\nthe rest is mine"))
        .as("an 'On ... wrote:' line with no quote after it is text").isEqualTo("On the road I wrote:\nthe rest is mine");
  }

  @Test
  @DisplayName("R28 a Message-ID from a mail is taken only in its <left@right> shape: no CR/LF, no second header")
  void safeMessageIds() {
    assertThat(MessageIds.safe(" <abc.1@example.net> ")).contains("<abc.1@example.net>");
    assertThat(MessageIds.safe("<abc@example.net>\r\nBcc: eve@example.net")).isEmpty();
    assertThat(MessageIds.safe("<a b@example.net>")).isEmpty();
    assertThat(MessageIds.safe("abc@example.net")).isEmpty();
    assertThat(MessageIds.safe("<abc@exa<mple.net>")).isEmpty();
    assertThat(MessageIds.safe("<" + "a".repeat(300) + "@example.net>")).isEmpty();
    assertThat(MessageIds.safe(42)).isEmpty();
    assertThat(MessageIds.referenced("<a@x> junk <b@y>\r\n <a@x>", null, "<c@z>"))
        .containsExactly("<a@x>", "<b@y>", "<c@z>");
  }

  private static MimeMessage mail(String raw) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
  }
}

package io.github.securityrelease.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.securityrelease.disclosure.DistributorMail.Delivery;
import io.github.securityrelease.distributors.Distributor;
import io.github.securityrelease.distributors.DistributorAcknowledgements;
import io.github.securityrelease.distributors.DistributorKeys;
import io.github.securityrelease.distributors.OpenPgpKey;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.Notice;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.Notifier;
import io.github.securityrelease.notification.OpenPgpProperties;
import io.github.securityrelease.notification.PgpMime;
import io.github.securityrelease.team.SecurityTeam;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Which way one embargoed notice goes to one distributor, by its keys and require-encryption. */
class DistributorMailTest {

  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
  private static final Distributor DISTRO = new Distributor(7, "Distro", List.of("security@distro.example"), true, NOW,
      "demo-security", NOW, NOW, null, null, null, List.of());
  private static final String TOKEN = "t0ken-of-the-distributor";

  private final DistributorKeys keys = mock(DistributorKeys.class);
  private final PgpMime pgpMime = mock(PgpMime.class);
  private final CaseMail mail = mock(CaseMail.class);
  private final Notifier notifier = mock(Notifier.class);
  private final DistributorAcknowledgements acknowledgements = mock(DistributorAcknowledgements.class);
  private final SecurityTeam team = mock(SecurityTeam.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final Map<String, Object> model = Map.of("organisation", "Distro");

  @Test
  @DisplayName("R14 a distributor with a key valid now gets the notice encrypted to it, an expired key is not used")
  void encrypted() {
    OpenPgpKey valid = key("VALID", null);
    when(keys.of(7)).thenReturn(List.of(key("EXPIRED", NOW.minusSeconds(1)), valid));
    when(pgpMime.usable(List.of("VALID"), NOW)).thenReturn(List.of("VALID"));

    assertThat(mailer(false).send(NotificationKind.ADVANCE_NOTICE, execution, DISTRO, model, "o"))
        .isEqualTo(Delivery.ENCRYPTED);
    Notice sent = sent(NotificationKind.ADVANCE_NOTICE);
    assertThat(sent.encryptTo()).containsExactly("VALID");
    verify(acknowledgements).sent("SEC-2026-0001", 7, NotificationKind.ADVANCE_NOTICE, "o");
  }

  @Test
  @DisplayName("R29 the notice carries the distributor's own link to acknowledge it; the ledger's text keeps the token out")
  void acknowledgementLink() {
    when(keys.of(7)).thenReturn(List.of());
    mailer(false).send(NotificationKind.ADVANCE_NOTICE, execution, DISTRO, model, "o");
    Notice sent = sent(NotificationKind.ADVANCE_NOTICE);
    assertThat(sent.sentBody()).contains("https://security.example/distributor/" + TOKEN);
    assertThat(sent.body()).doesNotContain(TOKEN).contains(DistributorAcknowledgements.OFF_RECORD);
    assertThat(sent.occasion()).isEqualTo("o");
  }

  @Test
  @DisplayName("R14 R16 require-encryption off: a distributor without a valid key gets the notice in clear, as before")
  void clear() {
    when(keys.of(7)).thenReturn(List.of(key("EXPIRED", NOW)));
    assertThat(mailer(false).send(NotificationKind.RELEASE_NOTICE, execution, DISTRO, model, "o"))
        .isEqualTo(Delivery.CLEAR);
    assertThat(sent(NotificationKind.RELEASE_NOTICE).encryptTo()).isEmpty();
    verify(acknowledgements).sent("SEC-2026-0001", 7, NotificationKind.RELEASE_NOTICE, "o");
  }

  @Test
  @DisplayName("R27 R29 require-encryption on: a distributor without a key gets only the waiting notice, with its link to acknowledge it and on its record; the team one alert naming it")
  void withheld() {
    when(keys.of(7)).thenReturn(List.of());
    when(team.memberEmails()).thenReturn(List.of("team@kurator.example"));
    DistributorMail mailer = mailer(true);

    assertThat(mailer.send(NotificationKind.DISCLOSURE_RESCHEDULED, execution, DISTRO, model, "o"))
        .isEqualTo(Delivery.WITHHELD);
    mailer.alertWithheld(NotificationKind.DISCLOSURE_RESCHEDULED, execution, List.of("Distro"), "o");

    verify(mail, never()).render(eq(NotificationKind.DISCLOSURE_RESCHEDULED), any(), anyList(), anyMap());
    verify(mail).render(eq(NotificationKind.NOTICE_AWAITS_KEY), eq(execution), eq(DISTRO.contacts()),
        eq(Map.of("organisation", "Distro", "noticeName", "notice of a new disclosure date", "noticeArticle", "a",
            "acknowledgeUrl", "https://security.example/distributor/" + TOKEN)));
    Notice waiting = sent(NotificationKind.NOTICE_AWAITS_KEY);
    assertThat(waiting.sentBody()).contains("https://security.example/distributor/" + TOKEN);
    assertThat(waiting.body()).doesNotContain(TOKEN).contains(DistributorAcknowledgements.OFF_RECORD);
    assertThat(waiting.encryptTo()).isEmpty();
    String occasion = DistributorAcknowledgements.awaitingKey(NotificationKind.DISCLOSURE_RESCHEDULED, "o");
    assertThat(waiting.occasion()).isEqualTo(occasion).isEqualTo("DISCLOSURE_RESCHEDULED o");
    verify(acknowledgements).sent("SEC-2026-0001", 7, NotificationKind.NOTICE_AWAITS_KEY, occasion);
    verify(acknowledgements, never()).sent(anyString(), anyLong(), eq(NotificationKind.DISCLOSURE_RESCHEDULED), anyString());
    verify(mail).send(eq(NotificationKind.NOTICE_AWAITS_KEY_ALERT), eq(execution), eq(List.of("team@kurator.example")),
        eq(Map.of("noticeName", "notice of a new disclosure date", "waiting", List.of("Distro"), "waitingCount", 1)),
        eq("DISCLOSURE_RESCHEDULED o"));
  }

  @Test
  @DisplayName("R27 no alert when every distributor got its notice")
  void noAlertWhenNoneWaits() {
    mailer(true).alertWithheld(NotificationKind.ADVANCE_NOTICE, execution, List.of(), "o");
    verify(mail, never()).send(any(), any(), anyList(), anyMap(), anyString());
  }

  private DistributorMail mailer(boolean requireEncryption) {
    when(execution.getProcessBusinessKey()).thenReturn("SEC-2026-0001");
    when(acknowledgements.issueToken("SEC-2026-0001", 7)).thenReturn(TOKEN);
    when(acknowledgements.url(TOKEN)).thenReturn("https://security.example/distributor/" + TOKEN);
    when(mail.render(any(), eq(execution), eq(DISTRO.contacts()), anyMap())).thenAnswer(call -> {
      Map<String, Object> given = call.getArgument(3);
      return new Notice(call.getArgument(0), "SEC-2026-0001", DISTRO.contacts(), "[SEC-2026-0001] notice",
          "Embargoed until the date. Acknowledge: " + given.get("acknowledgeUrl"));
    });
    return new DistributorMail(keys, pgpMime, new OpenPgpProperties(null, null, null, requireEncryption), mail,
        notifier, acknowledgements, team, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** The one notice of {@code kind} handed to the notifier. */
  private Notice sent(NotificationKind kind) {
    ArgumentCaptor<Notice> sent = ArgumentCaptor.forClass(Notice.class);
    verify(notifier).send(sent.capture());
    assertThat(sent.getValue().kind()).isEqualTo(kind);
    return sent.getValue();
  }

  private static OpenPgpKey key(String armoured, Instant expiresAt) {
    return new OpenPgpKey("F" + armoured, "EdDSA", 256, NOW.minusSeconds(3600), expiresAt, List.of("Distro"), armoured);
  }
}

package io.github.securityrelease.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.securityrelease.disclosure.DistributorMail.Delivery;
import io.github.securityrelease.distributors.Distributor;
import io.github.securityrelease.distributors.DistributorKeys;
import io.github.securityrelease.distributors.OpenPgpKey;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
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

/** Which way one embargoed notice goes to one distributor, by its keys and require-encryption. */
class DistributorMailTest {

  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
  private static final Distributor DISTRO = new Distributor(7, "Distro", List.of("security@distro.example"), true, NOW,
      "demo-security", NOW, NOW, null, null, null);

  private final DistributorKeys keys = mock(DistributorKeys.class);
  private final PgpMime pgpMime = mock(PgpMime.class);
  private final CaseMail mail = mock(CaseMail.class);
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
    verify(mail).sendEncrypted(NotificationKind.ADVANCE_NOTICE, execution, DISTRO.contacts(), model, "o",
        List.of("VALID"));
  }

  @Test
  @DisplayName("R14 R16 require-encryption off: a distributor without a valid key gets the notice in clear, as before")
  void clear() {
    when(keys.of(7)).thenReturn(List.of(key("EXPIRED", NOW)));
    assertThat(mailer(false).send(NotificationKind.RELEASE_NOTICE, execution, DISTRO, model, "o"))
        .isEqualTo(Delivery.CLEAR);
    verify(mail).send(NotificationKind.RELEASE_NOTICE, execution, DISTRO.contacts(), model, "o");
  }

  @Test
  @DisplayName("R27 require-encryption on: a distributor without a key gets only the waiting notice, and the team one alert naming it")
  void withheld() {
    when(keys.of(7)).thenReturn(List.of());
    when(team.memberEmails()).thenReturn(List.of("team@kurator.example"));
    DistributorMail mailer = mailer(true);

    assertThat(mailer.send(NotificationKind.DISCLOSURE_RESCHEDULED, execution, DISTRO, model, "o"))
        .isEqualTo(Delivery.WITHHELD);
    mailer.alertWithheld(NotificationKind.DISCLOSURE_RESCHEDULED, execution, List.of("Distro"), "o");

    verify(mail, never()).send(eq(NotificationKind.DISCLOSURE_RESCHEDULED), any(), anyList(), anyMap(), anyString());
    verify(mail).send(eq(NotificationKind.NOTICE_AWAITS_KEY), eq(execution), eq(DISTRO.contacts()),
        eq(Map.of("organisation", "Distro", "noticeName", "notice of a new disclosure date", "noticeArticle", "a")),
        eq("DISCLOSURE_RESCHEDULED o"));
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
    return new DistributorMail(keys, pgpMime, new OpenPgpProperties(null, null, null, requireEncryption), mail, team,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static OpenPgpKey key(String armoured, Instant expiresAt) {
    return new OpenPgpKey("F" + armoured, "EdDSA", 256, NOW.minusSeconds(3600), expiresAt, List.of("Distro"), armoured);
  }
}

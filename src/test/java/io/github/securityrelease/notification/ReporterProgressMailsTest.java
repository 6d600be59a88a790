package io.github.securityrelease.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.cases.CaseVariables;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/**
 * The reporter's progress mails rendered with a whole case's variables, distributors and all:
 * each says only what the reporter may know (R28). Every value a mail must not carry is a
 * marker, so that a template that names one, now or after a change, fails here.
 */
class ReporterProgressMailsTest {

  private static final String LEAK = "LEAK-";
  /** What the reporter may read at any step: their own case, its severity and CVE, the public date. */
  private static final Map<String, Object> KNOWN = Map.of(
      "caseId", "SEC-2026-0042",
      "title", "Token leak in controller logs",
      "reporterName", "Ada",
      "severity", "HIGH",
      "cvssScore", 8.1,
      "cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N",
      "cveId", "CVE-2026-100042",
      "fastTrack", false,
      "publicDisclosure", "2026-12-16 15:00 UTC (2026-12-16 16:00 Europe/Berlin)",
      "previousPublicDisclosure", "2026-12-09 15:00 UTC (2026-12-09 16:00 Europe/Berlin)");
  /** Public once the advisory is, with the credit the reporter asked for. */
  private static final Map<String, Object> PUBLIC = Map.of(
      "advisoryUrl", "https://github.com/example/security/advisories/GHSA-1",
      "trackingIssueUrl", "https://github.com/example/issues/99",
      "releaseNotesUrl", "https://github.com/example/releases/tag/v0.6.2",
      "releaseVersions", "v0.6.2, v0.5.4",
      CaseVariables.CREDIT, "Ada Lovelace (@ada)");
  /** What the distributors' notices add to a case's variables (DistributorNotices, NotifyDistributors). */
  private static final List<String> DISTRIBUTOR_VALUES = List.of("organisation", "contacts", "leadTime",
      "releaseLeadTime", "release", "releaseNoticeDue", "noticeName", "lead", "minimum");

  private final MailTemplates templates = new MailTemplates();

  @ParameterizedTest(name = "R28 {0}: the case tag in the subject, nothing the reporter may not know")
  @EnumSource(value = NotificationKind.class, names = {"REPORT_ACCEPTED", "DISCLOSURE_DATE_SET",
      "DISCLOSURE_DATE_MOVED", "ADVISORY_PUBLIC", "REJECTION"})
  @DisplayName("R28 the reporter's progress mails carry no distributor, no other case, no notice date, no internal note")
  void nothingTheReporterMayNotKnow(NotificationKind kind) {
    boolean advisoryPublic = kind == NotificationKind.ADVISORY_PUBLIC;
    Notice notice = templates.render(kind, "SEC-2026-0042", List.of("ada@example.net"), wholeCase(kind));
    String text = notice.subject() + "\n" + notice.body();

    assertThat(notice.subject()).startsWith("[SEC-2026-0042] ");
    assertThat(text).doesNotContain(LEAK);
    assertThat(text).contains("Token leak in controller logs").doesNotContain("Distro", "distro-one.example");
    if (!advisoryPublic) {
      assertThat(text).as("no link before the advisory is public").doesNotContain("https://");
    }
  }

  @ParameterizedTest(name = "R28 {0} says what it is for")
  @EnumSource(value = NotificationKind.class, names = {"REPORT_ACCEPTED", "DISCLOSURE_DATE_SET",
      "DISCLOSURE_DATE_MOVED", "ADVISORY_PUBLIC"})
  @DisplayName("R28 each progress mail says its step: severity, the date (and the old one), the links")
  void eachSaysItsStep(NotificationKind kind) {
    String body = templates.render(kind, "SEC-2026-0042", List.of("ada@example.net"), wholeCase(kind)).body();
    switch (kind) {
      case REPORT_ACCEPTED -> assertThat(body).contains("HIGH (CVSS 8.1)", "CVSS:3.1/AV:N", "What happens next",
          "confidential");
      case DISCLOSURE_DATE_SET -> assertThat(body).contains(KNOWN.get("publicDisclosure").toString(), "CVE-2026-100042");
      case DISCLOSURE_DATE_MOVED -> assertThat(body).contains(KNOWN.get("publicDisclosure").toString(),
          KNOWN.get("previousPublicDisclosure").toString());
      default -> assertThat(body).contains(PUBLIC.values().stream().map(Object::toString).toArray(String[]::new));
    }
  }

  @Test
  @DisplayName("R28 the advisory mail tells the reporter how they are credited")
  void advisoryMailNamesTheCredit() {
    String body = templates.render(NotificationKind.ADVISORY_PUBLIC, "SEC-2026-0042", List.of("ada@example.net"),
        wholeCase(NotificationKind.ADVISORY_PUBLIC)).body();
    assertThat(body).contains("You are credited as Ada Lovelace (@ada) in the advisory and the announcement.");
  }

  @ParameterizedTest(name = "R28 credit [{0}]: the advisory mail says nothing of credit")
  @NullAndEmptySource
  @DisplayName("R28 a reporter who declined credit is told of no credit in the advisory mail")
  void advisoryMailWithoutCredit(String declined) {
    Map<String, Object> model = wholeCase(NotificationKind.ADVISORY_PUBLIC);
    model.put(CaseVariables.CREDIT, declined);
    String body = templates.render(NotificationKind.ADVISORY_PUBLIC, "SEC-2026-0042", List.of("ada@example.net"), model)
        .body();
    assertThat(body).doesNotContain("credit", "Lovelace").contains("https://github.com/example/security/advisories/GHSA-1");
  }

  /** Every variable a case can hold, and the distributors' values: a marker unless the reporter may read it. */
  private static Map<String, Object> wholeCase(NotificationKind kind) {
    Map<String, Object> model = new HashMap<>();
    for (Field field : CaseVariables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String name = value(field);
        model.put(name, LEAK + name);
      }
    }
    DISTRIBUTOR_VALUES.forEach(name -> model.put(name, LEAK + name));
    model.put("organisation", LEAK + "Distro One");
    model.put("contacts", List.of(LEAK + "security@distro-one.example"));
    model.put(CaseVariables.BROKEN_BY, LEAK + "Distro One");
    model.put(CaseVariables.EMBARGO_BREAKS, LEAK + "Distro One posted the patch");
    model.putAll(KNOWN);
    if (kind == NotificationKind.ADVISORY_PUBLIC) {
      model.putAll(PUBLIC);
    }
    if (kind == NotificationKind.REJECTION) {
      // the team writes it for the reporter
      model.put(CaseVariables.REJECTION_REASON, "This is a bug of fluxcd: please report it there.");
    }
    for (String flag : Set.of("NOT_A_VULNERABILITY", "DUPLICATE", "UPSTREAM")) {
      model.put(flag, flag.equals("UPSTREAM"));
    }
    return model;
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}

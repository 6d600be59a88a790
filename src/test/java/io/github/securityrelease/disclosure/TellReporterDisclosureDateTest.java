package io.github.securityrelease.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.cases.CalendarProperties;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** "Tell reporter the disclosure date" on a case's variables: once per date the reporter does not know yet. */
class TellReporterDisclosureDateTest {

  private final Map<String, Object> variables = new HashMap<>();
  private final List<String> sent = new ArrayList<>();
  private final DelegateExecution execution = execution();
  private final TellReporterDisclosureDate tell = new TellReporterDisclosureDate(mail(),
      new BusinessCalendar(new CalendarProperties(ZoneId.of("UTC"), List.of())));

  @Test
  @DisplayName("R28 the date set, moved twice (back to the first date, too), a release-only re-plan: one mail each time the date the reporter knows changes")
  void oncePerDateTheReporterDoesNotKnow() {
    plan("2026-12-16T16:00+01:00");
    tell.execute(execution);
    assertThat(sent).containsExactly("DISCLOSURE_DATE_SET 1/2026-12-16T15:00:00Z Wed 16 Dec 2026 15:00 UTC -");

    tell.execute(execution);
    variables.put("releaseAt", "2026-12-15T16:00+01:00");
    tell.execute(execution);
    assertThat(sent).as("the same date again, or the release alone moved: nothing new for the reporter").hasSize(1);

    plan("2026-12-18T16:00+01:00");
    tell.execute(execution);
    plan("2026-12-16T16:00+01:00");
    tell.execute(execution);
    assertThat(sent).containsExactly(
        "DISCLOSURE_DATE_SET 1/2026-12-16T15:00:00Z Wed 16 Dec 2026 15:00 UTC -",
        "DISCLOSURE_DATE_MOVED 2/2026-12-18T15:00:00Z Fri 18 Dec 2026 15:00 UTC Wed 16 Dec 2026 15:00 UTC",
        "DISCLOSURE_DATE_MOVED 3/2026-12-16T15:00:00Z Wed 16 Dec 2026 15:00 UTC Fri 18 Dec 2026 15:00 UTC");
    assertThat(variables).containsEntry("reporterToldDisclosureAt", "2026-12-16T16:00+01:00")
        .containsEntry("reporterDisclosureDateNotices", 3);
  }

  @Test
  @DisplayName("R28 no plan yet (an embargo break before the plan): the reporter is told nothing")
  void noPlanNoMail() {
    tell.execute(execution);
    assertThat(sent).isEmpty();
  }

  private void plan(String publicDisclosureAt) {
    variables.put("publicDisclosureAt", publicDisclosureAt);
  }

  private CaseMail mail() {
    CaseMail mail = mock(CaseMail.class);
    doAnswer(call -> {
      Map<?, ?> dates = call.getArgument(2);
      sent.add(call.getArgument(0) + " " + call.getArgument(3) + " " + dates.get("publicDisclosure") + " "
          + (dates.containsKey("previousPublicDisclosure") ? dates.get("previousPublicDisclosure") : "-"));
      return null;
    }).when(mail).sendToReporter(any(NotificationKind.class), eq(execution), anyMap(), anyString());
    return mail;
  }

  private DelegateExecution execution() {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessBusinessKey()).thenReturn("SEC-2026-0042");
    when(execution.getVariable(anyString())).thenAnswer(call -> variables.get((String) call.getArgument(0)));
    doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
        .when(execution).setVariable(anyString(), any());
    return execution;
  }
}

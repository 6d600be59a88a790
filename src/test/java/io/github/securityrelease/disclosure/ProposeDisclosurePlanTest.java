package io.github.securityrelease.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.cases.CalendarProperties;
import io.github.securityrelease.release.ReleaseCalendar;
import io.github.securityrelease.release.ReleaseProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProposeDisclosurePlanTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  @DisplayName("R11 a next-patch case with no patch schedule configured is told so, with the out-of-band date")
  void noPatchScheduleSaid() {
    DelegateExecution execution = proposedFor(List.of(), "NEXT_PATCH");
    verify(execution).setVariable("noPatchSchedule", true);
    verify(execution).setVariable("publicDisclosureAt", "2026-12-16T15:00+00:00");
  }

  @Test
  @DisplayName("R11 with a patch release scheduled, nothing to say; an out-of-band case never needs one")
  void patchScheduled() {
    verify(proposedFor(List.of(LocalDate.parse("2026-12-11")), "NEXT_PATCH")).setVariable("noPatchSchedule", false);
    verify(proposedFor(List.of(), "OUT_OF_BAND")).setVariable("noPatchSchedule", false);
  }

  @Test
  @DisplayName("R14 R9 the proposal offers an advance notice two weeks ahead and the date after which the plan defers")
  void advanceNoticeAndDeferralOffered() {
    DelegateExecution execution = proposedFor(List.of(), "OUT_OF_BAND");
    verify(execution).setVariable("advanceNoticeDays", 14);
    verify(execution).setVariable("deferralFrom", "2026-12-30T15:00+00:00");
  }

  @Test
  @DisplayName("R11 R9 the plan form says when no patch schedule is configured, and offers deferral to mayDefer cases only")
  void formSaysIt() throws IOException {
    JsonNode form = new ObjectMapper().readTree(Path.of("processes/forms/plan-disclosure.form").toFile());
    List<JsonNode> components = StreamSupport.stream(form.get("components").spliterator(), false).toList();
    assertThat(components).anySatisfy(c -> {
      assertThat(c.path("text").asText()).contains("No patch schedule is configured");
      assertThat(c.path("conditional").path("hide").asText()).isEqualTo("=noPatchSchedule != true");
    });
    assertThat(components).anySatisfy(c -> {
      assertThat(c.path("key").asText()).isEqualTo("deferralReason");
      assertThat(c.path("conditional").path("hide").asText()).isEqualTo("=mayDefer != true");
    });
    assertThat(components).anySatisfy(c -> assertThat(c.path("key").asText()).isEqualTo("advanceNoticeDays"));
  }

  private static DelegateExecution proposedFor(List<LocalDate> schedule, String releaseType) {
    CalendarProperties calendar = new CalendarProperties(ZoneId.of("UTC"), List.of());
    BusinessCalendar businessDays = new BusinessCalendar(calendar);
    ReleaseCalendar releases = new ReleaseCalendar(
        new ReleaseProperties(List.of("release-0.6"), schedule, LocalTime.of(15, 0)), calendar, businessDays);
    DisclosurePlanner planner = new DisclosurePlanner(businessDays, releases, DisclosureProperties.defaults());
    ProposeDisclosurePlan propose = new ProposeDisclosurePlan(planner, new PlanDates(calendar, null), releases,
        Clock.fixed(NOW, ZoneOffset.UTC));
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable("releaseType")).thenReturn(releaseType);
    when(execution.getVariable("fastTrack")).thenReturn(false);
    propose.execute(execution);
    return execution;
  }
}

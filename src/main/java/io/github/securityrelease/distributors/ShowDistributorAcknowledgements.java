package io.github.securityrelease.distributors;

import io.github.securityrelease.cases.CaseVariables;
import io.github.securityrelease.distributors.AcknowledgementRecords.Feedback;
import io.github.securityrelease.distributors.AcknowledgementRecords.Row;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * R29: the team's table of a case's distributors (as {@code GET /api/v1/cases/{caseId}/distributors}
 * gives it) on the plan and release-day tasks, read-only: a row per distributor told, with the
 * notices and when, acknowledged when, status and note, feedback. Written when the task is made
 * and again when it is claimed or handed on, so the table is as fresh as the task's holder.
 *
 * <p>R27: the rows name distributors, so they are a <em>task-local</em> variable, never a process
 * variable: managers (Cockpit, {@code /engine-rest}) read neither a task's variables (they have no
 * grant on tasks) nor its history's ({@code enforceSpecificVariablePermission}, no
 * READ_HISTORY_VARIABLE), and the table does not travel with the case to other tasks.
 */
@Component
public class ShowDistributorAcknowledgements implements TaskListener {

  /** The task-local variable the forms' table reads: a JSON list of rows, empty when no one was told. */
  public static final String VARIABLE = "distributorAcknowledgements";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private final AcknowledgementRecords records;

  ShowDistributorAcknowledgements(AcknowledgementRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseId = (String) task.getVariable(CaseVariables.CASE_ID);
    List<Map<String, String>> rows = caseId == null ? List.of() : table(records.ofCase(caseId));
    task.setVariableLocal(VARIABLE, SpinValues.jsonValue(Spin.JSON(rows)).create());
  }

  /** The rows as the form's table shows them: one text per column. */
  static List<Map<String, String>> table(List<Row> rows) {
    List<Map<String, String>> table = new ArrayList<>();
    for (Row row : rows) {
      Map<String, String> shown = new LinkedHashMap<>();
      shown.put("distributor", row.organisation() == null ? "(removed, #" + row.distributorId() + ")" : row.organisation());
      shown.put("notices", row.notices().stream()
          .map(notice -> words(notice.kind().name()) + " " + when(notice.sentAt()))
          .collect(Collectors.joining("; ")));
      shown.put("acknowledged", row.acknowledgedAt() != null ? when(row.acknowledgedAt())
          : "not yet" + (row.remindedAt() == null ? "" : " (reminded " + when(row.remindedAt()) + ")"));
      shown.put("status", row.status() == null ? "" : words(row.status().name())
          + (row.note() == null ? "" : ": " + row.note()));
      shown.put("feedback", feedback(row.feedback()));
      table.add(shown);
    }
    return table;
  }

  private static String feedback(Feedback feedback) {
    if (feedback == null) {
      return "";
    }
    List<String> said = new ArrayList<>();
    if (feedback.reviewed() != null) {
      said.add(feedback.reviewed() ? "reviewed" : "not reviewed");
    }
    if (feedback.tested() != null) {
      said.add(feedback.tested() ? "tested" : "not tested");
    }
    if (feedback.issuesFound() != null) {
      said.add("found: " + feedback.issuesFound());
    }
    return String.join(", ", said) + " (" + when(feedback.at()) + ")";
  }

  private static String words(String constant) {
    String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private static String when(Instant instant) {
    return WHEN.format(instant);
  }
}

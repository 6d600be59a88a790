package io.github.securityrelease.distributors;

import io.github.securityrelease.distributors.DistributorAcknowledgements.Sent;
import io.github.securityrelease.notification.NotificationKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * R29: what the team reads of the distributors' acknowledgements: a row per distributor told of
 * a case, and a distributor's record across cases with its leaks (R26), from which the team can
 * judge whether it contributes back (criterion 7).
 */
@Component
class AcknowledgementRecords {

  /** One notice as the team reads it. */
  record NoticeSent(NotificationKind kind, Instant sentAt) {}

  /** The latest feedback on the patches. */
  record Feedback(Boolean reviewed, Boolean tested, String issuesFound, Instant at) {}

  /**
   * A distributor and a case.
   *
   * @param acknowledgedAt its first word on the case: null until it acknowledged
   * @param status its latest status, with {@code note} and {@code statusAt}
   * @param feedback its latest feedback on the patches, null for none
   * @param remindedAt when it was reminded to acknowledge the advance notice, null if never
   * @param history everything it said, oldest first
   */
  record Row(String caseId, long distributorId, String organisation, List<NoticeSent> notices, Instant acknowledgedAt,
      DistributorStatus status, String note, Instant statusAt, Feedback feedback, Instant remindedAt,
      List<Acknowledgement> history) {}

  /**
   * A distributor's record across cases.
   *
   * @param casesTold how many cases it was sent notices of
   * @param casesAcknowledged of them, how many it acknowledged
   * @param casesWithFeedback of them, how many it gave feedback on the patches for
   */
  record DistributorRecord(long distributorId, String organisation, int casesTold, int casesAcknowledged,
      int casesWithFeedback, int leaks, List<Row> cases, List<Leak> leakRecords) {}

  private final DistributorAcknowledgements acknowledgements;
  private final DistributorRegistry registry;
  private final DistributorLeaks leaks;

  AcknowledgementRecords(DistributorAcknowledgements acknowledgements, DistributorRegistry registry,
      DistributorLeaks leaks) {
    this.acknowledgements = acknowledgements;
    this.registry = registry;
    this.leaks = leaks;
  }

  /** A row per distributor told of the case, in the order they were first told. */
  List<Row> ofCase(String caseId) {
    return rows(acknowledgements.notices(caseId, null), acknowledgements.said(caseId, null));
  }

  DistributorRecord ofDistributor(Distributor distributor) {
    List<Row> cases = rows(acknowledgements.notices(null, distributor.id()),
        acknowledgements.said(null, distributor.id()));
    List<Leak> leaked = leaks.of(distributor.id());
    return new DistributorRecord(distributor.id(), distributor.organisation(), cases.size(),
        (int) cases.stream().filter(row -> row.acknowledgedAt() != null).count(),
        (int) cases.stream().filter(row -> row.feedback() != null).count(), leaked.size(), cases, leaked);
  }

  private List<Row> rows(List<Sent> notices, List<DistributorAcknowledgements.Said> said) {
    Map<String, List<Sent>> sentBy = new LinkedHashMap<>();
    notices.forEach(sent -> sentBy.computeIfAbsent(key(sent.caseId(), sent.distributorId()), k -> new ArrayList<>())
        .add(sent));
    List<Row> rows = new ArrayList<>();
    sentBy.forEach((key, sent) -> {
      Sent first = sent.get(0);
      List<Acknowledgement> history = said.stream()
          .filter(one -> key(one.caseId(), one.distributorId()).equals(key))
          .map(DistributorAcknowledgements.Said::acknowledgement).toList();
      rows.add(row(first.caseId(), first.distributorId(), sent, history));
    });
    return rows;
  }

  private Row row(String caseId, long distributorId, List<Sent> sent, List<Acknowledgement> history) {
    String organisation = registry.find(distributorId).map(Distributor::organisation).orElse(null);
    List<NoticeSent> told = sent.stream().filter(one -> one.kind() != NotificationKind.ACKNOWLEDGEMENT_REMINDER)
        .map(one -> new NoticeSent(one.kind(), one.sentAt())).toList();
    Instant reminded = sent.stream().filter(one -> one.kind() == NotificationKind.ACKNOWLEDGEMENT_REMINDER)
        .map(Sent::sentAt).findFirst().orElse(null);
    Acknowledgement latestStatus = latest(history.stream().filter(one -> one.status() != null));
    Acknowledgement latestFeedback = latest(history.stream()
        .filter(one -> one.reviewed() != null || one.tested() != null || one.issuesFound() != null));
    return new Row(caseId, distributorId, organisation, told, history.isEmpty() ? null : history.get(0).recordedAt(),
        latestStatus == null ? null : latestStatus.status(), latestStatus == null ? null : latestStatus.note(),
        latestStatus == null ? null : latestStatus.recordedAt(),
        latestFeedback == null ? null : new Feedback(latestFeedback.reviewed(), latestFeedback.tested(),
            latestFeedback.issuesFound(), latestFeedback.recordedAt()),
        reminded, history);
  }

  private static Acknowledgement latest(Stream<Acknowledgement> history) {
    // the history is in the order it was said: the last one is the latest, also within one instant
    return history.reduce((earlier, later) -> later).orElse(null);
  }

  private static String key(String caseId, long distributorId) {
    return caseId + "\n" + distributorId;
  }
}

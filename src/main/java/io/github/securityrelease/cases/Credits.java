package io.github.securityrelease.cases;

import static io.github.securityrelease.cases.CaseVariables.CREDIT;
import static io.github.securityrelease.cases.CaseVariables.CREDIT_CORRECTED_BY;
import static io.github.securityrelease.cases.CaseVariables.STATUS;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * R28: the credit of a case changed after the report, by the team (a correction) or by the
 * reporter (their page), until the case goes public: from PUBLIC_DISCLOSURE on, the release
 * notes are drafted and the advisory published with the credit as it stood, and a change
 * would no longer reach them. Reads and writes with the caller's rights: wrap a call in
 * {@code EngineIdentity.runAsService} once the caller's access is checked.
 */
@Component
public class Credits {

  /** The statuses from which the published texts are made: the credit is settled. */
  private static final Set<String> PUBLIC = Set.of(VulnerabilityStatus.PUBLIC_DISCLOSURE.name(),
      VulnerabilityStatus.DISCLOSED.name());

  /** What became of a change. */
  public enum Outcome { CHANGED, NO_CASE, PUBLIC, ENDED }

  private final Cases cases;
  private final RuntimeService runtimeService;

  Credits(Cases cases, RuntimeService runtimeService) {
    this.cases = cases;
    this.runtimeService = runtimeService;
  }

  /**
   * Why the credit of a case in {@code status} no longer changes ({@link Outcome#PUBLIC},
   * {@link Outcome#ENDED}), or null while it may: for a page that offers the change.
   */
  public static Outcome settled(Object status, boolean ended) {
    if (PUBLIC.contains(String.valueOf(status))) {
      return Outcome.PUBLIC;
    }
    return ended ? Outcome.ENDED : null;
  }

  /**
   * Sets the case's credit to {@code credit} (blank is no credit; one {@link Credit#refusal} names
   * is an IllegalArgumentException: check first). Who changed it goes with it ({@code creditCorrectedBy}), so that the case's history
   * holds each change, its time and its author.
   */
  @Transactional
  public Outcome change(String caseId, String credit, String by) {
    Credit.refusal(credit).ifPresent(why -> {
      throw new IllegalArgumentException("credit: " + why);
    });
    Optional<HistoricProcessInstance> found = cases.find(caseId);
    if (found.isEmpty()) {
      return Outcome.NO_CASE;
    }
    Object status = cases.variables(found.get(), STATUS).get(STATUS);
    Outcome settled = settled(status, found.get().getEndTime() != null);
    if (settled != null) {
      return settled;
    }
    Map<String, Object> change = new HashMap<>();
    change.put(CREDIT, Credit.stored(credit));
    change.put(CREDIT_CORRECTED_BY, by);
    runtimeService.setVariables(found.get().getId(), change);
    return Outcome.CHANGED;
  }
}

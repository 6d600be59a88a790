package io.github.securityrelease.distributors;

import static io.github.securityrelease.distributors.ApplicationVariables.*;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.EmbargoBreaks;
import io.github.securityrelease.engine.TaskInput;
import io.github.securityrelease.security.EngineIdentity;
import io.github.securityrelease.web.InvalidFieldException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * R26: a distributor's embargo leaks on record, and its removal when it leaks again or stops
 * meeting the criteria. Each leak alerts the team; a second (or later) one proposes the
 * distributor's removal, which the team decides in "Decide removal", one decision at a time
 * per distributor.
 */
@Service
class DistributorLeaks {

  /** The leak after which removal is proposed: "repeated offenses" (private-distributors-list.md). */
  static final int REPEATED = 2;

  private final JdbcClient jdbc;
  private final DistributorRegistry registry;
  private final RuntimeService runtimeService;
  private final EngineIdentity engineIdentity;
  private final Cases cases;
  private final EmbargoBreaks embargoBreaks;
  private final Clock clock;

  DistributorLeaks(JdbcClient jdbc, DistributorRegistry registry, RuntimeService runtimeService,
      EngineIdentity engineIdentity, Cases cases, EmbargoBreaks embargoBreaks, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.runtimeService = runtimeService;
    this.engineIdentity = engineIdentity;
    this.cases = cases;
    this.embargoBreaks = embargoBreaks;
    this.clock = clock;
  }

  /**
   * The leak on record and the team alerted; from the second leak on, the removal proposed. A
   * leak of a case still under embargo is that case's embargo break too (R15): "Assess embargo
   * break" opens on it, the distributor named as who broke it.
   */
  @Transactional
  public Leak report(long distributorId, LeakRequest request) {
    Distributor distributor = current(distributorId);
    if (request.caseId() != null && !engineIdentity.runAsService(() -> cases.exists(request.caseId()))) {
      throw new InvalidFieldException("caseId", "names no case");
    }
    jdbc.sql("""
            insert into distributor_leak (distributor_id, what_leaked, leaked_to, steps_taken, case_id, reported_by,
                                          reported_at)
            values (:distributorId, :whatLeaked, :leakedTo, :stepsTaken, :caseId, :reportedBy, :reportedAt)""")
        .param("distributorId", distributorId)
        .param("whatLeaked", request.whatLeaked().strip())
        .param("leakedTo", request.leakedTo().strip())
        .param("stepsTaken", request.stepsTaken().strip())
        .param("caseId", request.caseId())
        .param("reportedBy", engineIdentity.currentUserId())
        .param("reportedAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .update();
    List<Leak> leaks = of(distributorId);
    Leak leak = leaks.get(leaks.size() - 1);
    boolean proposeRemoval = leaks.size() >= REPEATED && !removalPending(distributorId);
    Map<String, Object> variables = variables(distributor, leaks);
    variables.put(LEAK_ID, leak.id());
    variables.put("whatLeaked", leak.whatLeaked());
    variables.put("leakedTo", leak.leakedTo());
    variables.put("stepsTaken", leak.stepsTaken());
    variables.put("leakCaseId", leak.caseId());
    variables.put(PROPOSE_REMOVAL, proposeRemoval);
    variables.put(REMOVAL_REASON, proposeRemoval ? "Repeated embargo leaks: " + leaks.size() + " on record (R26)" : null);
    start(MESSAGE_LEAK_REPORTED, distributorId, variables);
    if (leak.caseId() != null) {
      // the leak's reporter need not have rights on the case: the service brings the break before the team
      engineIdentity.runAsService(() -> embargoBreaks.report(leak.caseId(),
          distributor.organisation() + " (distributor " + distributorId + ")",
          TaskInput.abridged("Leaked: " + leak.whatLeaked() + "\nTo: " + leak.leakedTo() + "\nSteps taken: "
              + leak.stepsTaken(), "the whole report: GET /api/v1/distributors/" + distributorId + "/leaks"),
          leak.reportedBy()));
    }
    return leak;
  }

  /** R26: a distributor that no longer meets the criteria comes before the team for removal. */
  @Transactional
  public void proposeRemoval(long distributorId, String reason) {
    Distributor distributor = current(distributorId);
    if (removalPending(distributorId)) {
      throw new DistributorConflictException("The removal of distributor " + distributorId + " is being decided already");
    }
    Map<String, Object> variables = variables(distributor, of(distributorId));
    variables.put(PROPOSE_REMOVAL, true);
    variables.put(REMOVAL_REASON, reason);
    variables.put(PROPOSED_BY, engineIdentity.currentUserId());
    start(MESSAGE_REMOVAL_PROPOSED, distributorId, variables);
  }

  /** Every leak of the distributor, oldest first. */
  List<Leak> of(long distributorId) {
    return jdbc.sql("select * from distributor_leak where distributor_id = :id order by reported_at, id")
        .param("id", distributorId)
        .query((rs, row) -> new Leak(rs.getLong("id"), rs.getLong("distributor_id"), rs.getString("what_leaked"),
            rs.getString("leaked_to"), rs.getString("steps_taken"), rs.getString("case_id"),
            rs.getString("reported_by"), rs.getObject("reported_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** The distributor, locked until the transaction ends so that its leaks are counted one after another. */
  private Distributor current(long distributorId) {
    Distributor distributor = registry.lock(distributorId).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "No distributor " + distributorId));
    if (distributor.removedAt() != null) {
      throw new DistributorConflictException("Distributor " + distributorId + " was removed at "
          + distributor.removedAt() + " and stays on record as it was");
    }
    return distributor;
  }

  /** A removal decision of the distributor proposed or waiting: the one at a time. */
  private boolean removalPending(long distributorId) {
    return engineIdentity.runAsService(() -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(distributorKey(distributorId))
        .variableValueEquals(PROPOSE_REMOVAL, true)
        .count()) > 0;
  }

  private static Map<String, Object> variables(Distributor distributor, List<Leak> leaks) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(DISTRIBUTOR_ID, distributor.id());
    variables.put(ORGANISATION, distributor.organisation());
    variables.put(CONTACTS, String.join("\n", distributor.contacts()));
    // newest first, so that what is cut to fit a variable is the oldest
    List<Leak> newestFirst = new ArrayList<>(leaks);
    Collections.reverse(newestFirst);
    variables.put(LEAKS, leaks.isEmpty() ? "none" : TaskInput.abridged(newestFirst.stream()
        .map(leak -> "- " + leak.reportedAt() + (leak.caseId() == null ? "" : " (" + leak.caseId() + ")") + ": "
            + leak.whatLeaked() + "; to " + leak.leakedTo() + "; steps taken: " + leak.stepsTaken())
        .collect(Collectors.joining("\n")), "every leak: GET /api/v1/distributors/" + distributor.id() + "/leaks"));
    return variables;
  }

  private void start(String message, long distributorId, Map<String, Object> variables) {
    // the service starts the team's work, whatever the caller may start in the engine
    engineIdentity.runAsService(() -> runtimeService.startProcessInstanceByMessage(message,
        distributorKey(distributorId), variables));
  }
}

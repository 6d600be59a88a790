package io.github.securityrelease.distributors;

import static io.github.securityrelease.distributors.ApplicationVariables.*;

import io.github.securityrelease.cases.YearlyIds;
import io.github.securityrelease.security.EngineIdentity;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R25: turns an application to join the distributors list into a running
 * {@code distributor-application} process with an application ID, in one transaction, so
 * that a refused application leaves neither a process nor a used-up ID behind. The API and
 * the start form (an application received by issue or e-mail) both come through here.
 */
@Service
class ApplicationIntake {

  private final YearlyIds ids;
  private final DistributorRegistry registry;
  private final RuntimeService runtimeService;
  private final EngineIdentity engineIdentity;
  private final Clock clock;
  private final OpenPgpKeys openPgpKeys;

  ApplicationIntake(@Qualifier(ApplicationIdsConfiguration.APPLICATION_IDS) YearlyIds ids,
      DistributorRegistry registry, RuntimeService runtimeService, EngineIdentity engineIdentity, Clock clock,
      OpenPgpKeys openPgpKeys) {
    this.ids = ids;
    this.registry = registry;
    this.runtimeService = runtimeService;
    this.engineIdentity = engineIdentity;
    this.clock = clock;
    this.openPgpKeys = openPgpKeys;
  }

  @Transactional
  public String receive(DistributorApplication application) {
    Map<String, Object> variables = newApplication(application);
    String applicationId = (String) variables.get(APPLICATION_ID);
    // the service takes the application, whoever sent it: the caller's own rights do not apply
    engineIdentity.runAsService(() -> runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(applicationId)
        .setVariables(variables)
        .execute());
    return applicationId;
  }

  /**
   * What only the service can check (the name is free, no application for it is pending, the
   * voucher is a current member), then the new application's variables with an ID taken now.
   */
  Map<String, Object> newApplication(DistributorApplication application) {
    String organisation = application.organisation().strip();
    registry.refuseTakenName(organisation, null);
    refusePendingApplication(organisation);
    String vouchedBy = application.vouchedBy().strip();
    registry.checkVoucher(vouchedBy, "vouchedBy");
    List<OpenPgpKey> keys = openPgpKeys.readAll(application.openpgpKeys(), "openpgpKeys");
    Map<String, Object> variables = new HashMap<>();
    if (keys != null && !keys.isEmpty()) {
      variables.put(OPENPGP_KEYS, OpenPgpKeys.join(keys));
    }
    variables.put(APPLICATION_ID, ids.next());
    variables.put(ORGANISATION, organisation);
    variables.put(CONTACTS, String.join("\n", application.contacts().stream().map(String::strip).toList()));
    variables.put(Criterion.SECURITY_ALIAS.answer(), application.securityAlias().strip());
    variables.put(Criterion.USER_BASE.answer(), application.userBase());
    variables.put(Criterion.TRACK_RECORD.answer(), application.trackRecord());
    variables.put(Criterion.NOT_DOWNSTREAM.answer(), application.notDownstream());
    variables.put(Criterion.ACTIVE_CONTRIBUTOR.answer(), application.activeContributor());
    variables.put(Criterion.EMBARGO_POLICY_ACCEPTED.answer(), true);
    variables.put(Criterion.CONTRIBUTE_BACK.answer(), application.contributeBack());
    variables.put(Criterion.VOUCHED_BY.answer(), vouchedBy);
    variables.put(APPLIED_AT, Date.from(clock.instant()));
    return variables;
  }

  /** The contacts as the process holds them, one a line. */
  static List<String> contacts(String lines) {
    return lines == null ? List.of()
        : Arrays.stream(lines.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  /** Whether an application or a removal decision for {@code organisation} runs, names compared regardless of case. */
  boolean underWay(String organisation) {
    return engineIdentity.runAsService(() -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .matchVariableValuesIgnoreCase()
        .variableValueEquals(ORGANISATION, organisation)
        .count()) > 0;
  }

  private void refusePendingApplication(String organisation) {
    if (underWay(organisation)) {
      throw new DistributorConflictException("An application or a removal decision for '" + organisation
          + "' is under way already");
    }
  }
}

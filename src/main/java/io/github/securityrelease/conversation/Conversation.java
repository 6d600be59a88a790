package io.github.securityrelease.conversation;

import static io.github.securityrelease.cases.CaseVariables.REPORTER_ANSWER;
import static io.github.securityrelease.cases.CaseVariables.REPORTER_EMAIL;

import io.github.securityrelease.cases.CaseVariables;
import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.UnknownCaseException;
import io.github.securityrelease.engine.TaskInput;
import io.github.securityrelease.notification.Notification;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.NotificationLedger;
import io.github.securityrelease.notification.NotificationProperties;
import io.github.securityrelease.security.EngineIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's conversation with its reporter (R28). Messages IN are this package's
 * ({@code reporter_message}); messages OUT are the notification ledger's rows to the reporter's
 * address (receipt, acknowledgement, rejection, progress, the team's messages), never copied.
 * The team writes through the model {@code reporter-message}, so that the mail goes from an
 * engine job with retries and an incident at the end, never from the request.
 */
@Component
public class Conversation {

  static final String PROCESS_KEY = "reporter-message";
  /** The message that starts the team's alert of a message IN. */
  static final String ANSWERED = "ReporterAnswered";
  static final String MESSAGE = "message";
  static final String WRITTEN_BY = "writtenBy";
  static final String ANSWER_KEY = "answerKey";
  static final String ANSWER_FROM = "answerFrom";
  static final String ANSWER_AT = "answerAt";
  /** R3: the task of the case that shows the reporter's latest answer. */
  static final String ASK_FOR_PRIVATE_HANDLING = "Task_AskReporterForPrivateHandling";
  /**
   * The kinds of mail written for a case's reporter (R2, R28): the only messages out their page
   * shows. A new kind for the reporter joins here, or it stays off the page.
   */
  static final Set<NotificationKind> TO_REPORTER = EnumSet.of(NotificationKind.REPORT_RECEIPT,
      NotificationKind.ACKNOWLEDGEMENT, NotificationKind.REJECTION, NotificationKind.REPORT_ACCEPTED,
      NotificationKind.DISCLOSURE_DATE_SET, NotificationKind.DISCLOSURE_DATE_MOVED, NotificationKind.ADVISORY_PUBLIC,
      NotificationKind.REPORTER_LINK, NotificationKind.REPORTER_MESSAGE);
  private static final String MORE = "(cut here: the whole message is in the security address's mailbox)";

  private final ReporterMessages messages;
  private final NotificationLedger ledger;
  private final NotificationProperties notification;
  private final Cases cases;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final EngineIdentity engineIdentity;
  private final Clock clock;

  Conversation(ReporterMessages messages, NotificationLedger ledger, NotificationProperties notification, Cases cases,
      RuntimeService runtimeService, TaskService taskService, EngineIdentity engineIdentity, Clock clock) {
    this.messages = messages;
    this.ledger = ledger;
    this.notification = notification;
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.engineIdentity = engineIdentity;
    this.clock = clock;
  }

  /**
   * Every message in and out, oldest first. The caller's right to read it is checked before
   * (the API: security-team only, R27).
   *
   * @throws UnknownCaseException when there is no such case
   */
  public List<Message> of(String caseId) {
    String reporter = engineIdentity.runAsService(() -> reporterOf(caseId));
    return messages(caseId, reporter, row -> row.recipients().stream().anyMatch(address -> address.equalsIgnoreCase(reporter)));
  }

  /**
   * The conversation as the reporter's own page shows it: every message in, and of the messages
   * out only those written for the reporter ({@link #TO_REPORTER}) and sent to them alone. A
   * team alert never shows, not even when the reporter's address is a member's too.
   *
   * @param reporter the address of the case's report, which the page has read already
   */
  public List<Message> forReporter(String caseId, String reporter) {
    return messages(caseId, reporter, row -> TO_REPORTER.contains(row.kind()) && row.recipients().size() == 1
        && reporter.equalsIgnoreCase(row.recipients().get(0)));
  }

  private List<Message> messages(String caseId, String reporter, Predicate<Notification> out) {
    List<Message> all = new ArrayList<>(messages.of(caseId));
    for (Notification row : ledger.findByCase(caseId)) {
      if (reporter != null && out.test(row)) {
        all.add(new Message(Message.Direction.OUT, row.createdAt(), notification.sender(), row.body(),
            Message.Source.MAIL));
      }
    }
    all.sort(Comparator.comparing(Message::at));
    return all;
  }

  /**
   * A message IN, once per {@code dedupeKey}: false when that key is on record already. Joins the
   * caller's transaction (the inbox: with its own ledger's row), and throws {@code
   * DuplicateKeyException} when another node recorded the key meanwhile. With it, while the case
   * waits at "Ask reporter for private handling" (R3), an answer from the reporter's address
   * becomes that task's {@code reporterAnswer}, and the team is told from an engine job.
   *
   * @param body cut to the service's text limit; the caller keeps the whole (the mailbox)
   * @param messageId the mail's Message-ID, null for a page answer
   */
  @Transactional
  public boolean receive(String caseId, String from, String body, Message.Source source, String dedupeKey,
      String messageId) {
    if (messages.known(dedupeKey)) {
      return false;
    }
    String text = TaskInput.abridged(TaskInput.storableOf(body), MORE);
    Instant at = clock.instant();
    messages.insert(caseId, at, from, text, source, dedupeKey, messageId);
    engineIdentity.runAsService(() -> {
      showInPrivateHandlingTask(caseId, from, text);
      runtimeService.startProcessInstanceByMessage(ANSWERED, caseId,
          Map.of(ANSWER_KEY, dedupeKey, ANSWER_FROM, from, ANSWER_AT, Date.from(at)));
      return null;
    });
    return true;
  }

  /**
   * The team writes to the reporter: the model {@code reporter-message} starts, and its job
   * sends the mail. The caller's right (security-team) is checked before.
   *
   * @return the ID of the process instance that sends it
   * @throws UnknownCaseException when there is no such case: nothing is started
   */
  public String write(String caseId, String body, String author) {
    return engineIdentity.runAsService(() -> {
      if (!cases.exists(caseId)) {
        throw UnknownCaseException.noCase(caseId);
      }
      return runtimeService.createProcessInstanceByKey(PROCESS_KEY)
          .businessKey(caseId)
          .setVariable(MESSAGE, body)
          .setVariable(WRITTEN_BY, author)
          .execute()
          .getId();
    });
  }

  private String reporterOf(String caseId) {
    HistoricProcessInstance instance = cases.find(caseId).orElseThrow(() -> UnknownCaseException.noCase(caseId));
    Object reporter = cases.variables(instance, REPORTER_EMAIL).get(REPORTER_EMAIL);
    return reporter == null ? null : reporter.toString();
  }

  /** Only the reporter's own answer: a mail from anyone else with the case's tag stays in the conversation alone. */
  private void showInPrivateHandlingTask(String caseId, String from, String text) {
    Task waiting = taskService.createTaskQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .processInstanceBusinessKey(caseId).taskDefinitionKey(ASK_FOR_PRIVATE_HANDLING).active().singleResult();
    if (waiting == null) {
      return;
    }
    Object reporter = runtimeService.getVariable(waiting.getProcessInstanceId(), REPORTER_EMAIL);
    if (reporter != null && reporter.toString().toLowerCase(Locale.ROOT).equals(from.toLowerCase(Locale.ROOT))) {
      runtimeService.setVariable(waiting.getProcessInstanceId(), REPORTER_ANSWER, text);
    }
  }
}

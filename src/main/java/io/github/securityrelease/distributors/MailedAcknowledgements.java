package io.github.securityrelease.distributors;

import io.github.securityrelease.notification.NotificationKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * R29: a distributor acknowledges a notice by replying to it. The inbox finds the notice a reply
 * names (its ledger row) and asks here whose reply it is: a contact of the distributor the notice
 * went to (its recipients, and the list now: a removed distributor or a changed address counts
 * no more) records "received", and the status of the reply's first line ({@link ReplyStatus}),
 * as the page's "I have received it" does. Any other sender is no one's acknowledgement.
 */
@Component
public class MailedAcknowledgements {

  /** The notices that go to one distributor's contacts, each with a link to acknowledge it. */
  public static final Set<NotificationKind> NOTICES = Set.of(NotificationKind.ADVANCE_NOTICE,
      NotificationKind.RELEASE_NOTICE, NotificationKind.DISCLOSURE_RESCHEDULED, NotificationKind.EMBARGO_BROKEN,
      NotificationKind.ACKNOWLEDGEMENT_REMINDER, NotificationKind.NOTICE_AWAITS_KEY);

  /**
   * A reply to a distributor's notice, as the inbox read it.
   *
   * @param recipients the notice's recipients on the ledger: the distributor's contacts when it was sent
   * @param from the reply's sender address
   * @param ownText the reply's text without the quote; ignored when {@code encrypted}
   * @param encrypted an OpenPGP reply, which the service cannot read: "received" alone
   */
  public record Reply(String caseId, List<String> recipients, String from, String ownText, boolean encrypted) {

    public Reply {
      recipients = List.copyOf(recipients);
    }
  }

  /** The distributor whose reply it is, to be recorded with {@link #record}. */
  public record Sender(long distributorId) {}

  private final DistributorRegistry registry;
  private final DistributorAcknowledgements acknowledgements;

  MailedAcknowledgements(DistributorRegistry registry, DistributorAcknowledgements acknowledgements) {
    this.registry = registry;
    this.acknowledgements = acknowledgements;
  }

  /**
   * Whose reply it is: the distributor on the list with the sender among its contacts, when the
   * notice went to that address and the distributor was told of the case. Empty for a stranger,
   * or a contact of another distributor than the notice's.
   */
  public Optional<Sender> sender(Reply reply) {
    if (reply.recipients().stream().noneMatch(reply.from()::equalsIgnoreCase)) {
      return Optional.empty();
    }
    return registry.withContact(reply.from())
        .filter(distributorId -> acknowledgements.toldOf(reply.caseId(), distributorId))
        .map(Sender::new);
  }

  /** Records what the reply says, source {@code MAIL}: a new row of the distributor's history. */
  public void record(Reply reply, Sender sender) {
    Acknowledgement.Said said = reply.encrypted() ? Acknowledgement.Said.RECEIVED : ReplyStatus.of(reply.ownText());
    acknowledgements.record(new DistributorAcknowledgements.Link(reply.caseId(), sender.distributorId()), said,
        Acknowledgement.MAIL);
  }
}

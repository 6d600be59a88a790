package io.github.securityrelease.inbox;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Reads the security address's mailbox over IMAP (R1), every {@code poll-interval} and, where the
 * server offers IDLE, as soon as it announces new mail ({@link InboxIdle}): each mail not yet marked
 * is put on record once ({@link MailedReports}), then marked. A report becomes a case;
 * an auto-reply, a bounce or another list's mail is recorded and left; a mail too large or
 * unreadable is recorded, left and flagged, and the team alerted ({@link FlaggedMailAlert}).
 * Nothing is deleted or moved.
 *
 * <p>The mark is a keyword of the service's own ({@value #KEYWORD}), so a member who reads the
 * mailbox in a mail client (and so sets {@code \Seen}) hides nothing from the service; a server
 * without keywords gets {@code \Seen} instead. The mark saves reading a mail again; that a mail
 * is one case is the ledger's ({@code inbox_mail}), so a mail read again, by this node after a
 * failed mark or by another node at once, is never a second case.
 */
@Component
@ConditionalOnProperty(prefix = "security-release.inbox", name = "url")
public class Inbox implements SmartLifecycle {

  /** The keyword the service sets on every mail it has put on record. */
  static final String KEYWORD = "SecurityReleaseRecorded";
  /** Mails taken at one reading: a flood waits for the next, and a reading ends in bounded time. */
  static final int BATCH = 100;
  private static final int TIMEOUT_MILLIS = 30_000;
  /** RFC 2177: a client re-issues IDLE at least every 29 minutes, or the server may log it off. */
  static final Duration IDLE_RENEWAL = Duration.ofMinutes(29);
  private static final Logger log = LoggerFactory.getLogger(Inbox.class);

  private final InboxProperties properties;
  private final MailedReports reports;
  private final InboxLedger ledger;
  private final MailReading reading;
  private final FlaggedMailAlert alert;
  private final CaseThreads threads;
  /** Guards {@link #poller} and {@link #idle}, apart from {@link #poll()}'s lock, so that stopping never waits for a reading. */
  private final Object lifecycle = new Object();
  private final AtomicBoolean readingAsked = new AtomicBoolean();
  private ScheduledExecutorService poller;
  /** Waits for mail in IMAP IDLE, where configured; null when polling alone. */
  private InboxIdle idle;

  Inbox(InboxProperties properties, MailedReports reports, InboxLedger ledger, FlaggedMailAlert alert,
      CaseThreads threads) {
    this.properties = properties;
    this.reports = reports;
    this.ledger = ledger;
    this.alert = alert;
    this.threads = threads;
    this.reading = new MailReading(properties.ownListIds(), properties.maxAttachmentSize(),
        properties.maxAttachmentsSize());
  }

  /**
   * What one reading did: mails put on record, new cases and messages to cases (R28) among
   * them, mails left for the next reading.
   */
  public record Reading(int recorded, int cases, int left, int messages) {}

  /**
   * Reads the mailbox once. The poller calls it; so may a test, and an operator later. One
   * reading at a time per node.
   *
   * @throws IllegalStateException when the mailbox cannot be read; the mails stay for the next reading
   */
  public synchronized Reading poll() {
    try (Store store = connect()) {
      Folder folder = store.getFolder(properties.folder());
      folder.open(Folder.READ_WRITE);
      try {
        return read(folder);
      } finally {
        folder.close(false);
      }
    } catch (MessagingException e) {
      // the exception names the server's answer, never the password
      throw new IllegalStateException("Cannot read the inbox " + properties.mailbox() + ": " + e, e);
    }
  }

  /** A connection to the mailbox's server, logged in; its errors name the server's answer, never the password. */
  private Store connect() throws MessagingException {
    Store store = Session.getInstance(sessionProperties()).getStore(properties.protocol());
    store.connect(properties.url().getHost(), properties.url().getPort(), properties.user(), properties.secret());
    return store;
  }

  private Reading read(Folder folder) throws MessagingException {
    boolean keywords = folder.getPermanentFlags().contains(Flags.Flag.USER);
    Flags mark = keywords ? new Flags(KEYWORD) : new Flags(Flags.Flag.SEEN);
    Message[] unmarked = folder.search(new FlagTerm(mark, false));
    int count = Math.min(unmarked.length, BATCH);
    Message[] batch = java.util.Arrays.copyOf(unmarked, count);
    FetchProfile profile = new FetchProfile();
    profile.add(FetchProfile.Item.ENVELOPE);
    profile.add(FetchProfile.Item.FLAGS);
    profile.add(FetchProfile.Item.SIZE);
    profile.add(UIDFolder.FetchProfileItem.UID);
    folder.fetch(batch, profile);
    int cases = 0;
    int messages = 0;
    boolean alerting = true;
    for (Message message : batch) {
      MimeMessage mail = (MimeMessage) message;
      String key = MailReading.key(mail);
      InboxLedger.Entry entry = recordOnce(mail, key);
      cases += entry.outcome() == MailReading.Outcome.CASE ? 1 : 0;
      messages += entry.outcome() == MailReading.Outcome.MESSAGE ? 1 : 0;
      boolean done = !FlaggedMailAlert.flagged(entry.outcome()) || (alerting && alert.alert(key, mail, entry.outcome()));
      // one failed alert (SMTP away): the other flagged mails wait for the next reading, not for its timeouts
      alerting &= done;
      mark(mail, done ? mark : new Flags(), entry);
    }
    return new Reading(count, cases, unmarked.length - count, messages);
  }

  /** What became of the mail: on record before this returns, whoever recorded it. */
  private InboxLedger.Entry recordOnce(MimeMessage mail, String key) throws MessagingException {
    var known = ledger.find(key);
    if (known.isPresent()) {
      return known.get();
    }
    String messageId = mail.getMessageID();
    MailReading.Reading read = read(mail);
    try {
      InboxLedger.Entry entry = reports.record(key, messageId, read);
      log.info("Mail {} read from the inbox: {}{}", key.substring(0, 12), entry.outcome(),
          entry.caseId() == null ? "" : ", case " + entry.caseId());
      return entry;
    } catch (DuplicateKeyException e) {
      // another node put it on record meanwhile: its row says what became of it
      return ledger.find(key).orElseThrow(() -> e);
    }
  }

  private MailReading.Reading read(MimeMessage mail) throws MessagingException {
    if (mail.getSize() > properties.maxSize().toBytes()) {
      return MailReading.Reading.not(MailReading.Outcome.OVERSIZED);
    }
    try {
      return reading.read(mail, threads);
    } catch (MessagingException | IOException | RuntimeException e) {
      // malformed MIME, an unknown charset: the mail stays for the team, flagged
      log.warn("Cannot read a mail of the inbox: {}", e.getClass().getSimpleName());
      return MailReading.Reading.not(MailReading.Outcome.UNREADABLE);
    }
  }

  /**
   * A case's mail (its report or an answer) is also {@code \Seen}: the team answers it through the
   * case. A mail too large or unreadable is {@code \Flagged} for the team, and stays unseen;
   * {@code mark} is empty while the team's alert of it is not sent, so that the next reading sends it.
   */
  private static void mark(MimeMessage mail, Flags mark, InboxLedger.Entry entry) throws MessagingException {
    Flags flags = new Flags(mark);
    if (entry.caseId() != null) {
      flags.add(Flags.Flag.SEEN);
    }
    if (FlaggedMailAlert.flagged(entry.outcome())) {
      flags.add(Flags.Flag.FLAGGED);
    }
    mail.setFlags(flags, true);
  }

  private Properties sessionProperties() {
    String protocol = properties.protocol();
    Properties session = new Properties();
    session.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
    session.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MILLIS));
    session.put("mail." + protocol + ".writetimeout", String.valueOf(TIMEOUT_MILLIS));
    // reading a mail must not mark it \Seen: only what is on record is marked
    session.put("mail." + protocol + ".peek", "true");
    if ("imaps".equals(protocol)) {
      session.put("mail.imaps.ssl.checkserveridentity", "true");
    } else {
      session.put("mail.imap.starttls.enable", "true");
    }
    return session;
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      // a reading asked for before the last stop was dropped with its poller
      readingAsked.set(false);
      poller = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "inbox");
        thread.setDaemon(true);
        return thread;
      });
      long interval = properties.pollInterval().toMillis();
      // the first reading after one interval: the models are deployed by then, and a test polls itself;
      // with IDLE it is the fallback for what IDLE misses (a connection dropped without a word)
      poller.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
      if (properties.idle()) {
        idle = new InboxIdle(this::connect, properties.folder(), properties.mailbox(), properties.pollInterval(),
            this::readSoon);
        idle.start();
        long renewal = Math.min(interval, IDLE_RENEWAL.toMillis());
        poller.scheduleWithFixedDelay(idle::renew, renewal, renewal, TimeUnit.MILLISECONDS);
      }
    }
    log.info("Reading the inbox {} every {}{}", properties.mailbox(), properties.pollInterval(),
        properties.idle() ? ", and when IDLE announces new mail where the server offers it" : "");
  }

  /** Whether IDLE waits for mail now (this instance's; tests wait for it before they deliver). */
  boolean idling() {
    synchronized (lifecycle) {
      return idle != null && idle.idling();
    }
  }

  /**
   * A reading on the poller's thread, soon: IDLE announced new mail. Announcements while one is
   * asked for come to that one reading.
   */
  private void readSoon() {
    if (!readingAsked.compareAndSet(false, true)) {
      return;
    }
    synchronized (lifecycle) {
      if (poller == null) {
        readingAsked.set(false);
        return;
      }
      poller.execute(() -> {
        readingAsked.set(false);
        pollSafely();
      });
    }
  }

  private void pollSafely() {
    try {
      Reading reading = poll();
      if (reading.left() > 0) {
        log.info("{} mails of the inbox wait for the next reading", reading.left());
      }
    } catch (RuntimeException e) {
      // the server or the database away: the mails stay unmarked for the next reading
      log.warn("Reading the inbox failed, retried at the next interval: {}", e.toString());
    }
  }

  /** Ends IDLE first (its thread asks the poller for readings), then the poller; never waits for a reading. */
  @Override
  public void stop() {
    InboxIdle idling;
    ScheduledExecutorService polling;
    synchronized (lifecycle) {
      idling = idle;
      polling = poller;
      idle = null;
      poller = null;
    }
    // outside the lock: the IDLE thread may ask for a reading (readSoon) while it ends
    if (idling != null) {
      idling.stop();
    }
    if (polling != null) {
      polling.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    synchronized (lifecycle) {
      return poller != null;
    }
  }
}

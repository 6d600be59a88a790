package io.github.securityrelease.inbox;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for mail in IMAP IDLE (RFC 2177) on a connection of its own, and asks the inbox for a
 * reading when the server announces new mail ({@code EXISTS}). It reads nothing itself: the
 * reading is the inbox's own, so the ledger decides, as ever, what is new.
 *
 * <p>Where the server offers no IDLE it ends at once and the inbox polls. Where the connection
 * fails or drops it connects again after a pause that doubles up to {@link #LONGEST_PAUSE}, and
 * asks for one reading then (mail may have come meanwhile); the inbox's periodic reading covers
 * the time between. A failure is logged once, not at every attempt.
 */
final class InboxIdle {

  /** Opens a connection to the mailbox's server, logged in. */
  @FunctionalInterface
  interface Connector {
    Store connect() throws MessagingException;
  }

  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);
  /** A connection that failed after living this long starts a new outage: logged, pauses from the first. */
  private static final Duration STEADY = Duration.ofMinutes(1);
  /** How long stopping waits for the thread: a connection under way ends by its own timeout. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(InboxIdle.class);

  private final Connector connector;
  private final String folderName;
  private final String mailbox;
  private final Duration pollInterval;
  private final Runnable newMail;
  private final CountDownLatch stopped = new CountDownLatch(1);
  /** Guards {@link #folder}: the folder in IDLE, which stopping and renewing reach from other threads. */
  private final Object lock = new Object();
  private IMAPFolder folder;
  private volatile boolean idling;
  private Thread thread;
  /** The idle thread's alone: whether a failure was logged and its end is still to be. */
  private boolean warned;

  /**
   * @param mailbox the mailbox as the log may name it (no password)
   * @param newMail asks the inbox for a reading; called from the mail library's event thread
   */
  InboxIdle(Connector connector, String folderName, String mailbox, Duration pollInterval, Runnable newMail) {
    this.connector = connector;
    this.folderName = folderName;
    this.mailbox = mailbox;
    this.pollInterval = pollInterval;
    this.newMail = newMail;
  }

  void start() {
    thread = new Thread(this::run, "inbox-idle");
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether the connection is in IDLE now, or about to enter it: mail from now on is announced. */
  boolean idling() {
    return idling;
  }

  /**
   * Ends IDLE and issues it anew (RFC 2177: at least every 29 minutes, or the server may log the
   * connection off). The {@code NOOP} between also finds a connection that dropped silently: its
   * answer does not come, the IDLE thread's read times out and it connects again.
   */
  void renew() {
    IMAPFolder idle;
    synchronized (lock) {
      idle = folder;
    }
    if (idle == null) {
      return;
    }
    try {
      idle.doCommand(protocol -> {
        protocol.noop();
        return null;
      });
    } catch (MessagingException | IllegalStateException e) {
      // the IDLE thread meets the same failure and connects again
      log.debug("Renewing IDLE on {} failed: {}", mailbox, e.toString());
    }
  }

  /** Ends IDLE (closing the folder makes the server answer it) and waits a bounded time for the thread. */
  void stop() {
    IMAPFolder idle;
    synchronized (lock) {
      stopped.countDown();
      idle = folder;
    }
    if (idle != null) {
      closeQuietly(idle);
    }
    if (thread != null) {
      try {
        thread.join(STOP_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        log.debug("The IDLE connection to {} ends when its connection attempt times out", mailbox);
      }
    }
  }

  private boolean stopping() {
    return stopped.getCount() == 0;
  }

  void run() {
    Duration pause = FIRST_PAUSE;
    boolean failing = false;
    while (!stopping()) {
      long began = System.nanoTime();
      try {
        if (!watch(failing)) {
          log.info("The IMAP server of {} offers no IDLE: the inbox is read every {}", mailbox, pollInterval);
          return;
        }
      } catch (MessagingException | RuntimeException e) {
        if (stopping()) {
          log.debug("IDLE on {} ended with the service: {}", mailbox, e.toString());
          return;
        }
        boolean steady = System.nanoTime() - began >= STEADY.toNanos();
        if (!failing || steady) {
          // the server's answer, never the password: the connector's errors carry no secret
          log.warn("Waiting for mail in IDLE on {} failed; connecting again, the inbox is read every {} meanwhile: {}",
              mailbox, pollInterval, e.toString());
          warned = true;
        } else {
          log.debug("Waiting for mail in IDLE on {} failed again: {}", mailbox, e.toString());
        }
        failing = true;
        pause = steady ? FIRST_PAUSE : min(pause.multipliedBy(2), LONGEST_PAUSE);
      } finally {
        idling = false;
      }
      try {
        if (stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * One connection: IDLE until stopped, or an exception when it fails or drops.
   *
   * @return false where the server offers no IDLE, true when stopped
   */
  private boolean watch(boolean afterFailure) throws MessagingException {
    Store store = connector.connect();
    try {
      if (!(store instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
        return false;
      }
      IMAPFolder opened = (IMAPFolder) store.getFolder(folderName);
      opened.addMessageCountListener(new MessageCountAdapter() {
        @Override
        public void messagesAdded(MessageCountEvent event) {
          newMail.run();
        }
      });
      // read-only (EXAMINE): this connection only listens; the reading marks mail on its own
      opened.open(Folder.READ_ONLY);
      synchronized (lock) {
        if (stopping()) {
          closeQuietly(opened);
          return true;
        }
        folder = opened;
      }
      try {
        idling = true;
        if (afterFailure) {
          if (warned) {
            log.info("Waiting for mail in IDLE on {} again", mailbox);
            warned = false;
          }
          newMail.run();
        }
        while (!stopping()) {
          // returns when another thread issues a command (renew, stop); new mail comes to the listener
          opened.idle();
        }
        return true;
      } finally {
        synchronized (lock) {
          folder = null;
        }
        closeQuietly(opened);
      }
    } finally {
      try {
        store.close();
      } catch (MessagingException e) {
        log.debug("Closing the IDLE connection to {}: {}", mailbox, e.toString());
      }
    }
  }

  private void closeQuietly(Folder open) {
    try {
      open.close(false);
    } catch (MessagingException | IllegalStateException e) {
      // closed meanwhile by the other side (stop, or the IDLE thread after a drop)
      log.debug("Closing the IDLE folder of {}: {}", mailbox, e.toString());
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}

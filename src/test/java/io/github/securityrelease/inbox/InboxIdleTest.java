package io.github.securityrelease.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.event.MessageCountListener;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.util.unit.DataSize;

/**
 * The choice between IDLE and polling alone, on a server of mocks: what IDLE does with real
 * mail on a real server is {@code InboxIT}'s.
 */
class InboxIdleTest {

  private static final String MAILBOX = "imap://security@localhost/INBOX";

  private final IMAPStore store = mock(IMAPStore.class);
  private final IMAPFolder folder = mock(IMAPFolder.class);
  private final AtomicInteger readings = new AtomicInteger();

  @Test
  @DisplayName("R1 a server that offers IDLE: the inbox waits in it, reads when mail is announced, renews it, and stopping ends it with its thread")
  void idleOffered() throws Exception {
    when(store.hasCapability("IDLE")).thenReturn(true);
    when(store.getFolder("INBOX")).thenReturn(folder);
    CountDownLatch inIdle = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    // as the server does: IDLE ends when another thread issues a command, here the folder's close
    doAnswer(call -> {
      inIdle.countDown();
      closed.await();
      return null;
    }).when(folder).idle();
    doAnswer(call -> {
      closed.countDown();
      return null;
    }).when(folder).close(false);
    InboxIdle idle = new InboxIdle(() -> store, "INBOX", MAILBOX, Duration.ofMinutes(1), readings::incrementAndGet);

    idle.start();
    assertThat(inIdle.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(idle.idling()).isTrue();
    verify(folder).open(Folder.READ_ONLY);
    assertThat(readings).as("nothing announced yet").hasValue(0);

    ArgumentCaptor<MessageCountListener> listener = ArgumentCaptor.forClass(MessageCountListener.class);
    verify(folder).addMessageCountListener(listener.capture());
    listener.getValue().messagesAdded(new MessageCountEvent(folder, MessageCountEvent.ADDED, false, new Message[0]));
    assertThat(readings).as("EXISTS asks for a reading").hasValue(1);

    idle.renew();
    verify(folder).doCommand(any());

    idle.stop();
    assertThat(idleThreads()).isEmpty();
    assertThat(idle.idling()).isFalse();
    verify(store).close();
  }

  @Test
  @DisplayName("R1 a server without IDLE: the wait ends at once, no folder is opened, the inbox polls alone")
  void idleNotOffered() throws Exception {
    when(store.hasCapability("IDLE")).thenReturn(false);
    InboxIdle idle = new InboxIdle(() -> store, "INBOX", MAILBOX, Duration.ofMinutes(1), readings::incrementAndGet);

    idle.run();

    verify(store, never()).getFolder(anyString());
    verify(store).close();
    assertThat(idle.idling()).isFalse();
    assertThat(readings).hasValue(0);
  }

  @Test
  @DisplayName("R1 IDLE turned off: the inbox starts no IDLE thread; turned on and the server away: it tries again until stopped, and stopping leaves no thread")
  void idleTurnedOffOrFailing() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Inbox polling = inbox(closedPort, false);
    polling.start();
    try {
      assertThat(idleThreads()).isEmpty();
      assertThat(polling.idling()).isFalse();
    } finally {
      polling.stop();
    }

    Inbox idling = inbox(closedPort, true);
    idling.start();
    try {
      assertThat(idleThreads()).hasSize(1);
      assertThat(idling.idling()).as("no connection").isFalse();
    } finally {
      idling.stop();
    }
    assertThat(idling.isRunning()).isFalse();
    assertThat(idleThreads()).as("its pause ends with the stop").isEmpty();
  }

  private static Inbox inbox(int port, boolean idle) {
    InboxProperties properties = new InboxProperties(URI.create("imap://security@localhost:" + port + "/INBOX"),
        "secret", Duration.ofDays(1), DataSize.ofMegabytes(10), Set.of(), DataSize.ofMegabytes(5),
        DataSize.ofMegabytes(10), idle);
    // the readings never run here (a day's interval, no mail): nothing to record them with
    return new Inbox(properties, null, null, null, null);
  }

  private static List<Thread> idleThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> "inbox-idle".equals(thread.getName()) && thread.isAlive()).toList();
  }
}

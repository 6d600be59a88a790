package io.github.securityrelease.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The forge's token reaches the remote and nothing else: no exception, no log line. */
class FixCherryPickCredentialsTest {

  private static final String TOKEN = "ghp_secretTokenThatMustNotLeak42";

  @TempDir
  Path root;

  private HttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final List<Logger> verbose = List.of((Logger) LoggerFactory.getLogger("org.eclipse.jgit"),
      (Logger) LoggerFactory.getLogger("io.github.securityrelease.forge"));

  /** A git server over HTTP that refuses everyone, and notes what they offered. */
  @BeforeEach
  void refusingServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization != null) {
        authorizations.add(authorization);
      }
      exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"forge\"");
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
    });
    server.start();
    logs.start();
    rootLogger.addAppender(logs);
    verbose.forEach(logger -> logger.setLevel(Level.TRACE));
  }

  @AfterEach
  void stop() {
    verbose.forEach(logger -> logger.setLevel(null));
    rootLogger.detachAppender(logs);
    server.stop(0);
  }

  @Test
  @DisplayName("a token given as credentials is offered to the remote and appears in no exception or log")
  void tokenAsCredentials() {
    CherryPickRequest request = request(remote(""), remote(""));

    ForgeException refused = catchThrowableOfType(ForgeException.class, () -> pick(request,
        new UsernamePasswordCredentialsProvider("x-access-token", TOKEN)));

    assertThat(authorizations).contains("Basic " + Base64.getEncoder()
        .encodeToString(("x-access-token:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
    assertThat(refused.getMessage()).contains("security/CVE-2025-12345/master");
    assertNowhere(refused, TOKEN);
  }

  @ParameterizedTest(name = "a token written into a remote's URL appears in no exception or log: {0}")
  @ValueSource(strings = {"x-access-token:" + TOKEN + "@", TOKEN + "@"})
  void tokenInUrl(String userInfo) {
    CherryPickRequest request = request(remote(userInfo), remote(userInfo));

    ForgeException refused = catchThrowableOfType(ForgeException.class, () -> pick(request, null));

    assertThat(refused.getMessage()).contains("***@127.0.0.1");
    assertNowhere(refused, TOKEN);
  }

  private void pick(CherryPickRequest request, CredentialsProvider credentials) {
    new FixCherryPick(root, "Security Release Orchestrator", "security@example.org").cherryPick(request, credentials);
  }

  private void assertNowhere(ForgeException refused, String secret) {
    StringWriter trace = new StringWriter();
    refused.printStackTrace(new PrintWriter(trace));
    assertThat(refused.getCause()).isNull();
    assertThat(trace.toString()).doesNotContain(secret);
    assertThat(logs.list).isNotEmpty().allSatisfy(event -> {
      assertThat(event.getFormattedMessage()).doesNotContain(secret);
      if (event.getThrowableProxy() != null) {
        assertThat(event.getThrowableProxy().getMessage()).doesNotContain(secret);
      }
    });
  }

  private String remote(String userInfo) {
    return "http://" + userInfo + "127.0.0.1:" + server.getAddress().getPort() + "/project.git";
  }

  private static CherryPickRequest request(String privateRemote, String publicRemote) {
    return new CherryPickRequest(privateRemote, "fix/parser", publicRemote, "CVE-2025-12345", "master");
  }
}

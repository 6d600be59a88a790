package io.github.securityrelease.forge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestForge;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /webhooks/github} over HTTP in the shared context, whose secret is
 * {@link TestForge#WEBHOOK_SECRET}, with GitHub's example deliveries ({@link WebhookPayloads}).
 * The events are seen by a listener this test adds to the context for each test. A pull request
 * of another repository is {@code GitHubWebhookControllerTest}'s: the shared context sets no
 * repository, which would turn the model's delegates on for every IT.
 */
@OrchestratorIntegrationTest
class GitHubWebhookIT {

  private static final String REPOSITORY = "Codertocat/Hello-World";

  /** Each test's own pull request numbers, so its bodies are its own (a body is on record once). */
  private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000 * 1000);

  private final HttpClient client = HttpClient.newHttpClient();
  private final List<PullRequestEvent> events = new CopyOnWriteArrayList<>();
  private Consumer<PullRequestEvent> onEvent = events::add;
  private final ApplicationListener<PayloadApplicationEvent<?>> listener = published -> {
    if (published.getPayload() instanceof PullRequestEvent event) {
      onEvent.accept(event);
    }
  };

  @Autowired ConfigurableApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void listen() {
    context.addApplicationListener(listener);
  }

  @AfterEach
  void stopListening() {
    context.removeApplicationListener(listener);
  }

  @Test
  @DisplayName("R17 a signed pull_request closed and merged is 200, on record, and one event with the pull request's fields")
  void merged() throws Exception {
    long number = NUMBERS.incrementAndGet();
    byte[] body = WebhookPayloads.pullRequestClosed(number, true, REPOSITORY);
    String id = UUID.randomUUID().toString();

    HttpResponse<String> answer = deliver(id, "pull_request", body, TestForge.signature(body));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"outcome\":\"published\"}");
    assertThat(events).containsExactly(new PullRequestEvent("closed", number,
        "https://github.com/" + REPOSITORY + "/pull/" + number, "changes", "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
        "master", true, "c4295bd74fb0f4fda03689c3df3f2803b658fd85", REPOSITORY));
    assertThat(row(id)).containsEntry("EVENT", "pull_request").containsEntry("OUTCOME", "PUBLISHED")
        .containsEntry("BODY_SHA256", sha256(body));
  }

  @Test
  @DisplayName("R17 a delivery without X-Hub-Signature-256 is 401 as a problem: nothing on record, nothing published")
  void unsigned() throws Exception {
    byte[] body = WebhookPayloads.pullRequestClosed(NUMBERS.incrementAndGet(), true, REPOSITORY);
    String id = UUID.randomUUID().toString();

    HttpResponse<String> answer = deliver(id, "pull_request", body, null);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body()).contains("\"detail\":\"The X-Hub-Signature-256 header is missing\"");
    assertThat(events).isEmpty();
    assertThat(rows(id, body)).isZero();
  }

  @Test
  @DisplayName("R17 a delivery signed with another secret, or with its body changed after signing, or malformed, is 401: "
      + "nothing on record, nothing published")
  void wronglySigned() throws Exception {
    byte[] body = WebhookPayloads.pullRequestClosed(NUMBERS.incrementAndGet(), true, REPOSITORY);
    byte[] changed = new String(body, StandardCharsets.UTF_8).replace("\"merged\":true", "\"merged\":false")
        .getBytes(StandardCharsets.UTF_8);
    String id = UUID.randomUUID().toString();

    HttpResponse<String> otherSecret = deliver(id, "pull_request", body, TestForge.signature("another secret", body));
    HttpResponse<String> bodyChanged = deliver(id, "pull_request", changed, TestForge.signature(body));
    HttpResponse<String> malformed = deliver(id, "pull_request", body, "sha1=" + "0".repeat(40));

    assertThat(List.of(otherSecret.statusCode(), bodyChanged.statusCode(), malformed.statusCode()))
        .containsOnly(401);
    assertThat(otherSecret.body()).contains("does not match the body");
    assertThat(malformed.body()).contains("is not sha256= and 64 hex digits");
    assertThat(events).isEmpty();
    assertThat(rows(id, body) + rows(id, changed)).isZero();
  }

  @Test
  @DisplayName("R17 a replayed delivery, by its ID or by its body under a new ID, is 200 already received and publishes nothing more")
  void replayed() throws Exception {
    byte[] body = WebhookPayloads.pullRequestClosed(NUMBERS.incrementAndGet(), true, REPOSITORY);
    String id = UUID.randomUUID().toString();
    assertThat(deliver(id, "pull_request", body, TestForge.signature(body)).statusCode()).isEqualTo(200);

    HttpResponse<String> sameId = deliver(id, "pull_request", body, TestForge.signature(body));
    String newId = UUID.randomUUID().toString();
    HttpResponse<String> sameBody = deliver(newId, "pull_request", body, TestForge.signature(body));

    assertThat(List.of(sameId, sameBody)).allSatisfy(answer -> {
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("{\"outcome\":\"already received\"}");
    });
    assertThat(events).hasSize(1);
    assertThat(rows(id, body)).isOne();
    assertThat(rows(newId, new byte[0])).isZero();
  }

  @Test
  @DisplayName("R17 one delivery taken by two requests at once is published once: the row's unique key decides")
  void concurrent() throws Exception {
    byte[] body = WebhookPayloads.pullRequestClosed(NUMBERS.incrementAndGet(), true, REPOSITORY);
    String id = UUID.randomUUID().toString();
    onEvent = event -> {
      events.add(event);
      sleep(300); // holds the first transaction open while the second request inserts
    };

    var first = CompletableFuture.supplyAsync(() -> deliverUnchecked(id, body));
    var second = CompletableFuture.supplyAsync(() -> deliverUnchecked(id, body));

    assertThat(List.of(first.get(), second.get())).extracting(HttpResponse::statusCode).containsOnly(200);
    assertThat(List.of(first.get().body(), second.get().body()))
        .containsExactlyInAnyOrder("{\"outcome\":\"published\"}", "{\"outcome\":\"already received\"}");
    assertThat(events).hasSize(1);
    assertThat(rows(id, body)).isOne();
  }

  @Test
  @DisplayName("R17 a listener that fails rolls the delivery's row back and answers 500, so GitHub's redelivery is taken")
  void listenerFails() throws Exception {
    byte[] body = WebhookPayloads.pullRequestClosed(NUMBERS.incrementAndGet(), true, REPOSITORY);
    String id = UUID.randomUUID().toString();
    onEvent = event -> {
      throw new IllegalStateException("the model is away");
    };

    HttpResponse<String> failed = deliver(id, "pull_request", body, TestForge.signature(body));
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(rows(id, body)).isZero();

    onEvent = events::add;
    HttpResponse<String> redelivered = deliver(id, "pull_request", body, TestForge.signature(body));
    assertThat(redelivered.statusCode()).isEqualTo(200);
    assertThat(events).hasSize(1);
    assertThat(rows(id, body)).isOne();
  }

  @Test
  @DisplayName("a body over 1 MiB is 413, whether its length is declared or not, and nothing is on record")
  void oversize() throws Exception {
    byte[] body = ("{\"padding\":\"" + "x".repeat(GitHubWebhookController.LIMIT_BYTES) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    String id = UUID.randomUUID().toString();

    HttpResponse<String> declared = deliver(id, "pull_request", body, TestForge.signature(body));
    HttpResponse<String> chunked = client.send(request(id, "pull_request", TestForge.signature(body))
        .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(), BodyHandlers.ofString());

    assertThat(List.of(declared, chunked)).allSatisfy(answer -> {
      assertThat(answer.statusCode()).isEqualTo(413);
      assertThat(answer.body()).contains("The request body is larger than 1 MiB");
    });
    assertThat(rows(id, body)).isZero();
  }

  @Test
  @DisplayName("ping, when the webhook is added, is 200 and on record")
  void ping() throws Exception {
    byte[] body = WebhookPayloads.ping(NUMBERS.incrementAndGet());
    String id = UUID.randomUUID().toString();

    HttpResponse<String> answer = deliver(id, "ping", body, TestForge.signature(body));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"outcome\":\"ping\"}");
    assertThat(row(id)).containsEntry("OUTCOME", "PING");
  }

  @Test
  @DisplayName("another event is 202, on record and ignored")
  void otherEvent() throws Exception {
    byte[] body = ("{\"ref\":\"refs/heads/master\",\"after\":\"" + NUMBERS.incrementAndGet() + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    String id = UUID.randomUUID().toString();

    HttpResponse<String> answer = deliver(id, "push", body, TestForge.signature(body));

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(events).isEmpty();
    assertThat(row(id)).containsEntry("EVENT", "push").containsEntry("OUTCOME", "IGNORED");
  }

  @Test
  @DisplayName("a signed delivery without X-GitHub-Delivery is 400 and not on record")
  void withoutDeliveryId() throws Exception {
    byte[] body = WebhookPayloads.ping(NUMBERS.incrementAndGet());
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/github"))
        .header("Content-Type", "application/json").header("X-GitHub-Event", "ping")
        .header("X-Hub-Signature-256", TestForge.signature(body)).POST(BodyPublishers.ofByteArray(body)).build(),
        BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("X-GitHub-Delivery");
    assertThat(rows("", body)).isZero();
  }

  private HttpResponse<String> deliver(String id, String event, byte[] body, String signature) throws Exception {
    return client.send(request(id, event, signature).POST(BodyPublishers.ofByteArray(body)).build(),
        BodyHandlers.ofString());
  }

  private HttpResponse<String> deliverUnchecked(String id, byte[] body) {
    try {
      return deliver(id, "pull_request", body, TestForge.signature(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String id, String event, String signature) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/github"))
        .header("Content-Type", "application/json")
        .header("User-Agent", "GitHub-Hookshot/044aadd")
        .header("X-GitHub-Delivery", id)
        .header("X-GitHub-Event", event);
    return signature == null ? request : request.header("X-Hub-Signature-256", signature);
  }

  private Map<String, Object> row(String id) {
    return jdbc.queryForMap("select event, outcome, body_sha256 from forge_delivery where delivery_id = ?", id);
  }

  private int rows(String id, byte[] body) {
    return jdbc.queryForObject("select count(*) from forge_delivery where delivery_id = ? or body_sha256 = ?",
        Integer.class, id, sha256(body));
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

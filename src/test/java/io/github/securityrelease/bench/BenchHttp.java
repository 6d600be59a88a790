package io.github.securityrelease.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * GET requests to the service on its real port, over one kept-alive connection, with HTTP
 * Basic as Tasklist's REST calls and the API's clients send them (the password of a demo
 * account is its user id). A request that does not answer 200 fails the benchmark.
 */
final class BenchHttp {

  static final String JSON = "application/json";
  /** What Tasklist asks for: tasks with the filter's variables embedded. */
  static final String HAL = "application/hal+json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client = HttpClient.newHttpClient();
  private final int port;

  BenchHttp(int port) {
    this.port = port;
  }

  String get(String user, String path, String accept) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode json(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

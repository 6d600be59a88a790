package io.github.securityrelease.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.WebappSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/**
 * The token page's way in: the token API with the session of the Camunda webapps, for the
 * page's own requests only, and for nothing but the token API.
 */
@OrchestratorIntegrationTest
class TokenPageIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;

  @Test
  @DisplayName("signed in to Tasklist, the page's requests list, create and revoke the user's own tokens")
  void createListRevokeWithTheSession() {
    WebappSession session = signedIn("tasklist", "demo-maintainer");
    String name = "page " + System.nanoTime();

    HttpResponse<String> created = session.call("POST", "/api/v1/tokens", body(name), page("Origin", origin()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Map<String, Object> token = map(created.body());
    assertThat((String) token.get("token")).startsWith("sro_");
    assertThat(token).containsEntry("name", name).containsEntry("scopes", List.of("read"));

    Map<String, Object> listed = find(mine(session), name);
    assertThat(listed).containsEntry("owner", "demo-maintainer").containsEntry("revokedAt", null)
        .doesNotContainKey("token");
    HttpResponse<String> revoked = session.call("DELETE", "/api/v1/tokens/" + token.get("id"), null,
        page("Sec-Fetch-Site", "same-origin"));
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
    assertThat(find(mine(session), name)).containsEntry("revokedBy", "demo-maintainer");
  }

  @Test
  @DisplayName("a request riding the session without the page's header, or a change from another site, is 403 and changes nothing")
  void forgedRequestsRefused() {
    WebappSession session = signedIn("tasklist", "demo-maintainer");
    String name = "forged " + System.nanoTime();

    assertThat(session.call("POST", "/api/v1/tokens", body(name), "Origin", origin()).statusCode())
        .as("no X-Requested-With: what a form could send").isEqualTo(403);
    assertThat(session.call("GET", "/api/v1/tokens", null).statusCode()).as("a read without it").isEqualTo(403);
    assertThat(session.call("POST", "/api/v1/tokens", body(name), page("Origin", "http://attacker.example")).statusCode())
        .as("another origin").isEqualTo(403);
    assertThat(session.call("POST", "/api/v1/tokens", body(name), page("Sec-Fetch-Site", "cross-site")).statusCode())
        .as("another site, said by the browser").isEqualTo(403);
    assertThat(session.call("POST", "/api/v1/tokens", body(name),
        page("Sec-Fetch-Site", "same-site", "Origin", origin())).statusCode())
        .as("a sibling site, even with this origin claimed").isEqualTo(403);
    assertThat(session.call("POST", "/api/v1/tokens", body(name), page()).statusCode())
        .as("no origin at all").isEqualTo(403);
    assertThat(mine(session)).as("nothing created").noneMatch(token -> name.equals(token.get("name")));

    Map<String, Object> token = map(session.call("POST", "/api/v1/tokens", body(name),
        page("Sec-Fetch-Site", "same-origin")).body());
    assertThat(session.call("DELETE", "/api/v1/tokens/" + token.get("id"), null, page("Origin", "http://attacker.example"))
        .statusCode()).isEqualTo(403);
    assertThat(find(mine(session), name)).as("still valid").containsEntry("revokedAt", null);
  }

  @Test
  @DisplayName("the session counts on the token API alone: other /api/v1 paths, /engine-rest and the audit log stay 401 to it")
  void sessionWidensNothingElse() {
    WebappSession session = signedIn("tasklist", "demo-security");
    for (String path : List.of("/api/v1/audit", "/api/v1/calendar.ics", "/api/v1/distributors", "/engine-rest/task",
        "/api/v1/tokensx", "/actuator/prometheus")) {
      HttpResponse<String> answer = session.call("GET", path, null, page("Sec-Fetch-Site", "same-origin"));
      assertThat(answer.statusCode()).as(path).isEqualTo(401);
    }
    assertThat(session.call("POST", "/api/v1/team/nominations", "{}", page("Origin", origin())).statusCode())
        .isEqualTo(401);
    assertThat(http.withBasicAuth("demo-security", "demo-security").getForEntity("/api/v1/audit", String.class)
        .getStatusCode()).as("Basic as before").isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("a manager's session sees and revokes only their own tokens; the security team's sees and revokes everyone's")
  void ownOrTeam() {
    String name = "someone's " + System.nanoTime();
    Map<String, Object> others = map(http.withBasicAuth("demo-release", "demo-release")
        .postForEntity("/api/v1/tokens", Map.of("name", name, "scopes", List.of("read"), "days", 7), String.class).getBody());
    WebappSession manager = signedIn("cockpit", "demo-manager");
    assertThat(manager.call("GET", "/api/v1/tokens?all=true", null, page()).statusCode()).isEqualTo(403);
    assertThat(mine(manager)).noneMatch(token -> name.equals(token.get("name")));
    assertThat(manager.call("DELETE", "/api/v1/tokens/" + others.get("id"), null, page("Origin", origin())).statusCode())
        .isEqualTo(404);

    WebappSession team = signedIn("tasklist", "demo-security");
    HttpResponse<String> all = team.call("GET", "/api/v1/tokens?all=true", null, page());
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(find(list(all.body()), name)).containsEntry("owner", "demo-release");
    assertThat(team.call("DELETE", "/api/v1/tokens/" + others.get("id"), null, page("Origin", origin())).statusCode())
        .isEqualTo(204);
  }

  @Test
  @DisplayName("without a session the page is told to sign in, with no password prompt; after logging out the session counts no more")
  void signInFirst() {
    ResponseEntity<String> fromPage = http.exchange(RequestEntity.get("/api/v1/tokens")
        .header("X-Requested-With", "XMLHttpRequest").build(), String.class);
    assertThat(fromPage.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(fromPage.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as("no Basic prompt over the page").isNull();
    assertThat(fromPage.getBody()).contains("Sign in");
    assertThat(http.getForEntity("/api/v1/tokens", String.class).getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
        .as("any other client's 401 as before").startsWith("Basic");

    WebappSession session = signedIn("tasklist", "demo-maintainer");
    assertThat(session.logout()).isEqualTo(200);
    assertThat(session.call("GET", "/api/v1/tokens", null, page()).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("the page at /tokens has the pages' strict Content-Security-Policy and its own script")
  void pageServed() {
    ResponseEntity<String> page = http.getForEntity("/tokens", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("<script src=\"/tokens.js\" defer></script>");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
  }

  private WebappSession signedIn(String app, String user) {
    WebappSession session = WebappSession.login(port, app, user, user);
    assertThat(session.loginStatus()).as("login of " + user).isEqualTo(200);
    return session;
  }

  private String origin() {
    return "http://localhost:" + port;
  }

  /** The page's header, and {@code more} name-value pairs. */
  private static String[] page(String... more) {
    String[] headers = new String[more.length + 2];
    headers[0] = "X-Requested-With";
    headers[1] = "XMLHttpRequest";
    System.arraycopy(more, 0, headers, 2, more.length);
    return headers;
  }

  private static String body(String name) {
    return "{\"name\": \"" + name + "\", \"scopes\": [\"read\"], \"days\": 30}";
  }

  private static List<Map<String, Object>> mine(WebappSession session) {
    HttpResponse<String> answer = session.call("GET", "/api/v1/tokens", null, page());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return list(answer.body());
  }

  private static Map<String, Object> find(List<Map<String, Object>> tokens, String name) {
    return tokens.stream().filter(token -> name.equals(token.get("name"))).findFirst().orElseThrow();
  }

  private static Map<String, Object> map(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Map<String, Object>> list(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

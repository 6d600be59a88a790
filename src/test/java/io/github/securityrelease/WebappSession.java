package io.github.securityrelease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * A person logged in to Tasklist, Cockpit or Admin as a browser is: the page gives a session and
 * a CSRF token, the login form sends both back, the session's first read hands out its own
 * token, and every later call of the webapps' own engine
 * API ({@code /camunda/api/engine/engine/default/...}) carries the session and the token.
 */
public final class WebappSession {

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final String base;
  private int loginStatus;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Logs {@code user} in to {@code app} ({@code tasklist}, {@code cockpit}, {@code admin}) with {@code password}. */
  public static WebappSession login(int port, String app, String user, String password) {
    WebappSession session = new WebappSession(port);
    session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/" + app + "/default/")));
    session.loginStatus = session.send(session.withToken(
        HttpRequest.newBuilder(URI.create(session.base + "/camunda/api/admin/auth/user/default/login/" + app)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString("username=" + user + "&password=" + password))).statusCode();
    // the logged-in session's own CSRF token comes with its first read
    session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/api/admin/auth/user/default")));
    return session;
  }

  public int loginStatus() {
    return loginStatus;
  }

  /** A call of the engine API as the webapps make it: {@code path} below {@code /engine/default}, a JSON body or none. */
  public HttpResponse<String> engine(String method, String path, String json) {
    HttpRequest.Builder request = withToken(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path)))
        .header("Accept", "application/json");
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return send(request.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)));
  }

  /**
   * A call of the service's own pages or API ({@code path} from the root) as the browser makes it:
   * the session's cookie, {@code headers} as name-value pairs, a JSON body or none.
   */
  public HttpResponse<String> call(String method, String path, String json, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return send(request.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)));
  }

  /** Logs out of the webapps as their menu does. */
  public int logout() {
    return send(withToken(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/logout")))
        .POST(BodyPublishers.noBody())).statusCode();
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder request) {
    ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((first, last) -> last)
        .ifPresent(token -> request.header("X-XSRF-TOKEN", token));
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return browser.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

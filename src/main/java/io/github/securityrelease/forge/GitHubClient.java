package io.github.securityrelease.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.securityrelease.web.OutsideUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@link GitHub} over GitHub's REST API with Spring's {@link RestClient} on the JDK's HTTP
 * client: the configured repository, the token as a bearer token, API version
 * {@value #API_VERSION}. A bean only when {@code security-release.forge.repository} is set.
 * <ul>
 *   <li>Lists are read 100 a page, following {@code Link: rel="next"} to the API's own origin only.</li>
 *   <li>A rate limit (403 or 429 with {@code Retry-After}, or {@code X-RateLimit-Remaining: 0}
 *       with {@code X-RateLimit-Reset}) is waited out and the call retried once when the wait is
 *       at most {@link #LONGEST_WAIT}; otherwise it is a {@link ForgeException} saying until when,
 *       and the job's retry cycle comes back later.</li>
 *   <li>A GET answer with an {@code ETag} is kept (a bounded cache by URL) and asked for with
 *       {@code If-None-Match}: a 304 gives the kept answer and does not count against the limit.</li>
 *   <li>An asset's download follows GitHub's redirect itself, without the token, over HTTPS only
 *       (loopback HTTP for tests).</li>
 *   <li>Every HTTP call, each page and each retry, goes to the {@link ForgeCallRecorder}.</li>
 *   <li>A refusal says the operation, the status and GitHub's {@code message}, never the answer's
 *       whole body; the token is in no message and no log line.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(prefix = "security-release.forge", name = "repository")
public class GitHubClient implements GitHub {

  /** The API version the client speaks; GitHub's description of it is the tests' contract. */
  static final String API_VERSION = "2022-11-28";

  /** The longest rate-limit wait the client sits out itself; a longer one is the retry cycle's. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

  static final int PER_PAGE = 100;
  static final int MAX_PAGES = 50;
  static final int CACHE_ENTRIES = 256;
  static final int CACHE_BODY_LIMIT = 1 << 20;
  private static final int MAX_REDIRECTS = 3;
  private static final String JSON = "application/vnd.github+json";
  private static final String USER_AGENT = "security-release-orchestrator";
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]*)\"");
  private static final Logger log = LoggerFactory.getLogger(GitHubClient.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** How the client waits out a short rate limit; tests give one that does not sleep. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final ForgeProperties properties;
  private final ForgeCallRecorder recorder;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration longestWait;
  private final RestClient rest;
  private final String api;
  private final URI apiOrigin;
  private final Map<String, Answer> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
      return size() > CACHE_ENTRIES;
    }
  };

  @Autowired
  public GitHubClient(ForgeProperties properties, ForgeCalls calls) {
    this(properties, calls, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()), LONGEST_WAIT);
  }

  GitHubClient(ForgeProperties properties, ForgeCallRecorder recorder, Clock clock, Sleeper sleeper,
      Duration longestWait) {
    if (!properties.configured()) {
      throw new IllegalArgumentException("security-release.forge.repository is not set");
    }
    this.properties = properties;
    this.recorder = recorder;
    this.clock = clock;
    this.sleeper = sleeper;
    this.longestWait = longestWait;
    this.api = properties.apiUrl().toString().replaceAll("/+$", "");
    this.apiOrigin = origin(properties.apiUrl());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(Duration.ofSeconds(60));
    this.rest = RestClient.builder().requestFactory(requests).defaultHeader(HttpHeaders.USER_AGENT, USER_AGENT).build();
  }

  @Override
  public PullRequest findOrOpenPullRequest(String caseId, String head, String base, String title, String body) {
    Predicate<JsonNode> same = pull -> head.equals(pull.path("head").path("ref").asText())
        && base.equals(pull.path("base").path("ref").asText());
    URI list = repo("/pulls").queryParam("state", "all").queryParam("head", "{head}").queryParam("base", "{base}")
        .queryParam("per_page", PER_PAGE).encode().buildAndExpand(vars("head", properties.owner() + ":" + head,
            "base", base)).toUri();
    Optional<JsonNode> found = findInPages(caseId, "pulls/list", list, same);
    if (found.isPresent()) {
      return pullRequest(found.get());
    }
    ObjectNode create = MAPPER.createObjectNode().put("title", title).put("head", head).put("base", base)
        .put("body", body);
    Call call = new Call(caseId, "pulls/create", HttpMethod.POST, repo("/pulls").encode().buildAndExpand(vars()).toUri(), create);
    Answer answer = send(call, JSON);
    if (answer.status() == 422) {
      // made meanwhile, by an earlier try whose answer was lost or by a second node: take that one
      Optional<JsonNode> made = findInPages(caseId, "pulls/list", list, same);
      if (made.isPresent()) {
        return pullRequest(made.get());
      }
    }
    return pullRequest(expect(call, answer, 201));
  }

  @Override
  public PullRequest pullRequest(String caseId, long number) {
    Call call = get(caseId, "pulls/get", repo("/pulls/{number}").encode().buildAndExpand(vars("number", number)).toUri());
    return pullRequest(expect(call, send(call, JSON), 200));
  }

  @Override
  public Issue findOrOpenIssue(String caseId, String title, String body, Instant since) {
    URI list = repo("/issues").queryParam("state", "all").queryParam("since", "{since}")
        .queryParam("per_page", PER_PAGE).encode().buildAndExpand(vars("since", since.toString())).toUri();
    // the issues API lists pull requests too: those are not the issue looked for
    Optional<JsonNode> found = findInPages(caseId, "issues/list-for-repo", list,
        issue -> title.equals(issue.path("title").asText()) && !issue.has("pull_request"));
    if (found.isPresent()) {
      return issue(found.get());
    }
    Call call = new Call(caseId, "issues/create", HttpMethod.POST, repo("/issues").encode().buildAndExpand(vars()).toUri(),
        MAPPER.createObjectNode().put("title", title).put("body", body));
    return issue(expect(call, send(call, JSON), 201));
  }

  @Override
  public Optional<Release> releaseByTag(String caseId, String tag) {
    Call call = get(caseId, "repos/get-release-by-tag",
        repo("/releases/tags/{tag}").encode().buildAndExpand(vars("tag", tag)).toUri());
    Answer answer = send(call, JSON);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(release(expect(call, answer, 200)));
  }

  @Override
  public Release updateReleaseBody(String caseId, long releaseId, String body) {
    Call call = new Call(caseId, "repos/update-release", HttpMethod.PATCH,
        repo("/releases/{id}").encode().buildAndExpand(vars("id", releaseId)).toUri(),
        MAPPER.createObjectNode().put("body", body));
    return release(expect(call, send(call, JSON), 200));
  }

  @Override
  public InputStream download(String caseId, Asset asset) {
    URI uri = repo("/releases/assets/{id}").encode().buildAndExpand(vars("id", asset.id())).toUri();
    Call call = new Call(caseId, "repos/get-release-asset", HttpMethod.GET, uri, null);
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      Answer answer = send(call, MediaType.APPLICATION_OCTET_STREAM_VALUE);
      if (answer.status() == 200 && answer.stream() != null) {
        return answer.stream();
      }
      if (answer.status() / 100 != 3 || answer.headers().getLocation() == null) {
        throw refusal(call, answer);
      }
      URI location = call.uri().resolve(answer.headers().getLocation());
      if (!OutsideUrls.secure(location)) {
        throw new ForgeException(call.operation() + " " + asset.name() + ": GitHub redirected the download to "
            + location.getScheme() + "://" + location.getHost() + ", not over HTTPS; not followed");
      }
      call = new Call(caseId, "repos/get-release-asset", HttpMethod.GET, location, null);
    }
    throw new ForgeException("repos/get-release-asset " + asset.name() + ": more than " + MAX_REDIRECTS
        + " redirects; not followed");
  }

  @Override
  public RepositoryAdvisory advisory(String caseId, String ghsaId) {
    Call call = get(caseId, "security-advisories/get-repository-advisory", advisoryUri(ghsaId, ""));
    return advisory(expect(call, send(call, JSON), 200));
  }

  @Override
  public RepositoryAdvisory findOrCreateAdvisory(String caseId, AdvisoryDraft draft) {
    URI list = repo("/security-advisories").queryParam("state", "draft").queryParam("per_page", PER_PAGE)
        .encode().buildAndExpand(vars()).toUri();
    Optional<JsonNode> found = findInPages(caseId, "security-advisories/list-repository-advisories", list,
        advisory -> draft.summary().equals(advisory.path("summary").asText()));
    if (found.isPresent()) {
      return advisory(found.get());
    }
    Call call = new Call(caseId, "security-advisories/create-repository-advisory", HttpMethod.POST,
        repo("/security-advisories").encode().buildAndExpand(vars()).toUri(), advisoryBody(draft));
    return advisory(expect(call, send(call, JSON), 201));
  }

  @Override
  public RepositoryAdvisory publishAdvisory(String caseId, String ghsaId) {
    return advisoryInState(caseId, ghsaId, "published");
  }

  @Override
  public RepositoryAdvisory closeAdvisory(String caseId, String ghsaId) {
    return advisoryInState(caseId, ghsaId, "closed");
  }

  /** The advisory in {@code state}: as it is when it is there already (a retry), else changed to it. */
  private RepositoryAdvisory advisoryInState(String caseId, String ghsaId, String state) {
    RepositoryAdvisory current = advisory(caseId, ghsaId);
    if (state.equals(current.state())) {
      return current;
    }
    Call call = new Call(caseId, "security-advisories/update-repository-advisory", HttpMethod.PATCH,
        advisoryUri(ghsaId, ""), MAPPER.createObjectNode().put("state", state));
    return advisory(expect(call, send(call, JSON), 200));
  }

  @Override
  public void requestCve(String caseId, String ghsaId) {
    if (advisory(caseId, ghsaId).cveId() != null) {
      return;
    }
    Call call = new Call(caseId, "security-advisories/create-repository-advisory-cve-request", HttpMethod.POST,
        advisoryUri(ghsaId, "/cve"), null);
    Answer answer = send(call, JSON);
    String message = message(answer);
    if (answer.status() == 422 && message != null && message.toLowerCase(Locale.ROOT).contains("already")) {
      log.info("{}: the CVE ID of {} was requested already", caseId, ghsaId);
      return;
    }
    expect(call, answer, 202);
  }

  // --- HTTP ---

  /** Sends {@code call}, sitting out one short rate limit; every attempt is recorded. */
  private Answer send(Call call, String accept) {
    for (int attempt = 0; ; attempt++) {
      Answer answer = once(call, accept);
      Optional<Instant> until = limitedUntil(answer);
      if (until.isEmpty()) {
        return answer;
      }
      Duration wait = Duration.between(clock.instant(), until.get());
      if (attempt > 0 || wait.compareTo(longestWait) > 0) {
        throw new ForgeException(call.operation() + ": GitHub's rate limit refuses calls until " + until.get());
      }
      log.info("{}: GitHub's rate limit, waiting {} s to retry once", call.operation(), Math.max(0, wait.toSeconds()));
      try {
        sleeper.sleep(wait.isNegative() ? Duration.ZERO : wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ForgeException(call.operation() + ": interrupted while waiting out GitHub's rate limit");
      }
    }
  }

  private Answer once(Call call, String accept) {
    boolean toApi = origin(call.uri()).equals(apiOrigin);
    boolean stream = !JSON.equals(accept);
    String key = call.uri().toString();
    Answer cached = null;
    if (toApi && !stream && call.method() == HttpMethod.GET) {
      synchronized (cache) {
        cached = cache.get(key);
      }
    }
    Instant at = clock.instant();
    long started = System.nanoTime();
    RestClient.RequestBodySpec request = rest.method(call.method()).uri(call.uri()).header(HttpHeaders.ACCEPT, accept);
    if (toApi) {
      // the token and GitHub's headers to GitHub's API only: never to where a download is redirected
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.token())
          .header("X-GitHub-Api-Version", API_VERSION);
    }
    if (cached != null) {
      request.header(HttpHeaders.IF_NONE_MATCH, cached.headers().getETag());
    }
    if (call.body() != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(call.body().toString());
    }
    Answer answer;
    try {
      answer = request.exchange((req, response) -> {
        int status = response.getStatusCode().value();
        HttpHeaders headers = HttpHeaders.readOnlyHttpHeaders(response.getHeaders());
        if (stream && status == 200) {
          return new Answer(status, headers, null, response.getBody());
        }
        try (InputStream body = response.getBody()) {
          return new Answer(status, headers, body.readAllBytes(), null);
        }
      }, false);
    } catch (RestClientException | UncheckedIOException e) {
      String error = "no answer: " + e.getClass().getSimpleName();
      record(call, toApi, null, error, at, started);
      throw new ForgeException(call.operation() + " " + shown(call.uri(), toApi) + ": " + error);
    }
    record(call, toApi, answer.status(), answer.status() >= 400 ? summary(answer) : null, at, started);
    if (answer.status() == 304 && cached != null) {
      return cached;
    }
    if (toApi && !stream && call.method() == HttpMethod.GET && answer.status() == 200
        && answer.headers().getETag() != null && answer.body().length <= CACHE_BODY_LIMIT) {
      synchronized (cache) {
        cache.put(key, answer);
      }
    }
    return answer;
  }

  private void record(Call call, boolean toApi, Integer status, String error, Instant at, long started) {
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    String path = shown(call.uri(), toApi);
    log.debug("{} {} {} {} -> {} in {} ms", call.caseId(), call.operation(), call.method(), path, status, millis);
    recorder.record(new ForgeCall(call.caseId(), call.operation(), call.method().name(), path, status, error, at,
        millis));
  }

  /** Until when a rate limit refuses calls, when {@code answer} is such a refusal. */
  private Optional<Instant> limitedUntil(Answer answer) {
    if (answer.status() != 403 && answer.status() != 429) {
      return Optional.empty();
    }
    String retryAfter = answer.headers().getFirst(HttpHeaders.RETRY_AFTER);
    if (retryAfter != null) {
      try {
        return Optional.of(clock.instant().plusSeconds(Long.parseLong(retryAfter.trim())));
      } catch (NumberFormatException notSeconds) {
        try {
          return Optional.of(ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notADate) {
          return Optional.of(clock.instant().plus(longestWait).plusSeconds(1));
        }
      }
    }
    String reset = answer.headers().getFirst("X-RateLimit-Reset");
    if ("0".equals(answer.headers().getFirst("X-RateLimit-Remaining")) && reset != null) {
      try {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(reset.trim())));
      } catch (NumberFormatException notSeconds) {
        return Optional.of(clock.instant().plus(longestWait).plusSeconds(1));
      }
    }
    return Optional.empty();
  }

  /** The first item of a list, every page of it, that {@code match} takes. */
  private Optional<JsonNode> findInPages(String caseId, String operation, URI first, Predicate<JsonNode> match) {
    URI page = first;
    for (int pages = 0; page != null; pages++) {
      if (pages == MAX_PAGES) {
        throw new ForgeException(operation + ": more than " + MAX_PAGES + " pages; not read further");
      }
      Call call = get(caseId, operation, page);
      Answer answer = send(call, JSON);
      JsonNode items = expect(call, answer, 200);
      if (!items.isArray()) {
        throw new ForgeException(operation + ": GitHub answered " + answer.status() + " without a list");
      }
      for (JsonNode item : items) {
        if (match.test(item)) {
          return Optional.of(item);
        }
      }
      page = next(operation, answer.headers());
    }
    return Optional.empty();
  }

  /** {@code Link: <…>; rel="next"}, to the API's own origin only. */
  private URI next(String operation, HttpHeaders headers) {
    for (String link : headers.getOrEmpty(HttpHeaders.LINK)) {
      Matcher matcher = LINK.matcher(link);
      while (matcher.find()) {
        if (List.of(matcher.group(2).split("\\s+")).contains("next")) {
          URI next = URI.create(matcher.group(1));
          if (!origin(next).equals(apiOrigin)) {
            throw new ForgeException(operation + ": the next page is on " + next.getScheme() + "://" + next.getHost()
                + ", not on the API's origin; not followed");
          }
          return next;
        }
      }
    }
    return null;
  }

  private JsonNode expect(Call call, Answer answer, int status) {
    if (answer.status() != status) {
      throw refusal(call, answer);
    }
    try {
      return answer.body() == null || answer.body().length == 0 ? MAPPER.createObjectNode()
          : MAPPER.readTree(answer.body());
    } catch (IOException e) {
      throw new ForgeException(call.operation() + ": GitHub's answer " + answer.status() + " is not JSON");
    }
  }

  private ForgeException refusal(Call call, Answer answer) {
    return new ForgeException(call.operation() + " " + call.method() + " "
        + shown(call.uri(), origin(call.uri()).equals(apiOrigin)) + ": " + summary(answer));
  }

  /** The status and GitHub's {@code message}: never the whole body, never the token. */
  private String summary(Answer answer) {
    String message = message(answer);
    return "HTTP " + answer.status() + (message == null ? "" : ": " + message);
  }

  private String message(Answer answer) {
    if (answer.body() == null || answer.body().length == 0) {
      return null;
    }
    try {
      JsonNode message = MAPPER.readTree(answer.body()).path("message");
      if (!message.isTextual()) {
        return null;
      }
      return OutsideUrls.shownText(message.asText(), properties.token());
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  // --- URLs ---

  private UriComponentsBuilder repo(String path) {
    return UriComponentsBuilder.fromUriString(api).path("/repos/{owner}/{repo}" + path);
  }

  private Map<String, Object> vars(Object... namesAndValues) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("owner", properties.owner());
    vars.put("repo", properties.name());
    for (int i = 0; i < namesAndValues.length; i += 2) {
      vars.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return vars;
  }

  private URI advisoryUri(String ghsaId, String suffix) {
    return repo("/security-advisories/{ghsa}" + suffix).encode().buildAndExpand(vars("ghsa", ghsaId)).toUri();
  }

  private Call get(String caseId, String operation, URI uri) {
    return new Call(caseId, operation, HttpMethod.GET, uri, null);
  }

  /** What the record and a message show of a URL: the API's path and query, elsewhere no query (it may be signed). */
  private static String shown(URI uri, boolean toApi) {
    if (toApi) {
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath();
  }

  private static URI origin(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return URI.create(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT) + "://" + host + ":" + port);
  }

  // --- GitHub's JSON to the interface's records ---

  private static PullRequest pullRequest(JsonNode pull) {
    boolean merged = pull.path("merged").asBoolean(false) || text(pull, "merged_at") != null;
    return new PullRequest(pull.path("number").asLong(), text(pull, "html_url"), text(pull, "state"), merged,
        text(pull.path("head"), "ref"), text(pull.path("head"), "sha"), text(pull.path("base"), "ref"),
        text(pull, "merge_commit_sha"));
  }

  private static Issue issue(JsonNode issue) {
    return new Issue(issue.path("number").asLong(), text(issue, "html_url"), text(issue, "title"));
  }

  private static Release release(JsonNode release) {
    List<Asset> assets = new ArrayList<>();
    for (JsonNode asset : release.path("assets")) {
      assets.add(new Asset(asset.path("id").asLong(), text(asset, "name"), asset.path("size").asLong(),
          text(asset, "browser_download_url")));
    }
    return new Release(release.path("id").asLong(), text(release, "tag_name"), text(release, "html_url"),
        text(release, "body"), assets);
  }

  private static RepositoryAdvisory advisory(JsonNode advisory) {
    return new RepositoryAdvisory(text(advisory, "ghsa_id"), text(advisory, "html_url"), text(advisory, "state"),
        text(advisory, "cve_id"));
  }

  private static ObjectNode advisoryBody(AdvisoryDraft draft) {
    ObjectNode body = MAPPER.createObjectNode().put("summary", draft.summary()).put("description", draft.description());
    ObjectNode vulnerability = body.putArray("vulnerabilities").addObject();
    ObjectNode pkg = vulnerability.putObject("package").put("ecosystem", ecosystem(draft.ecosystem()));
    if (draft.packageName() != null) {
      pkg.put("name", draft.packageName());
    }
    if (draft.vulnerableVersionRange() != null) {
      vulnerability.put("vulnerable_version_range", draft.vulnerableVersionRange());
    }
    if (draft.patchedVersions() != null) {
      vulnerability.put("patched_versions", draft.patchedVersions());
    }
    if (draft.cvssVector() != null) {
      body.put("cvss_vector_string", draft.cvssVector());
    }
    if (draft.cweIds() != null && !draft.cweIds().isEmpty()) {
      ArrayNode cwes = body.putArray("cwe_ids");
      draft.cweIds().forEach(cwes::add);
    }
    if (draft.cveId() != null) {
      body.put("cve_id", draft.cveId());
    }
    return body;
  }

  /** OSV's ecosystem names as GitHub's advisories name them; one GitHub does not know is {@code other}. */
  static String ecosystem(String osv) {
    if (osv == null) {
      return "other";
    }
    return switch (osv.toLowerCase(Locale.ROOT)) {
      case "maven" -> "maven";
      case "npm" -> "npm";
      case "pypi" -> "pip";
      case "rubygems" -> "rubygems";
      case "nuget" -> "nuget";
      case "packagist" -> "composer";
      case "go" -> "go";
      case "crates.io" -> "rust";
      case "hex" -> "erlang";
      case "pub" -> "pub";
      case "swifturl" -> "swift";
      case "github actions" -> "actions";
      default -> "other";
    };
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  private record Call(String caseId, String operation, HttpMethod method, URI uri, JsonNode body) {}

  /** An answer: its body read, or for a download's 200 its stream, which the caller closes. */
  private record Answer(int status, HttpHeaders headers, byte[] body, InputStream stream) {}
}

package io.github.securityrelease.contract;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An API faked by WireMock, held to its published description ({@link OpenApiContract}). A
 * stub is checked when it is made: its request must name an operation of the description by
 * method and path, and its answer must be one that operation gives. After each test every
 * request WireMock received is checked as the real API would take it, and the test fails with
 * the violations named. Register it with {@code @RegisterExtension}; it listens on a free port
 * of the loopback interface, a new one for each test.
 *
 * <p>A Spring IT whose context needs the fake's URL before any test runs (a property set by
 * {@code @DynamicPropertySource}) registers one started by {@link #startForTheClass()} in a
 * static field: it listens from then on until its class ends, and after each test its requests
 * are checked as above and then forgotten, with its stubs.
 */
public class ContractFake implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private final OpenApiContract contract;
  private final String api;
  private WireMockServer server;
  /** Started by {@link #started()}: one server for the whole class. */
  private boolean forTheClass;

  /**
   * @param contract the description stubs and requests are held to
   * @param api the API's name in a failure, e.g. {@code GitHub's} in "A stub that GitHub's API would not answer so"
   */
  protected ContractFake(OpenApiContract contract, String api) {
    this.contract = contract;
    this.api = api;
  }

  /** Starts listening now, on a free port, until the class ends (register the fake in a static field). */
  protected void startForTheClass() {
    server = newServer();
    server.start();
    forTheClass = true;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!forTheClass) {
      server = newServer();
      server.start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      // a test that failed already keeps its own message; the contract's is for the tests that passed
      if (context.getExecutionException().isEmpty()) {
        verifyRequests();
      }
    } finally {
      if (forTheClass) {
        server.resetAll();
      } else {
        server.stop();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (forTheClass) {
      server.stop();
    }
  }

  private static WireMockServer newServer() {
    return new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  }

  /** The base URL to configure as the API's, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** The WireMock server, for what the contract does not cover (verifying counts, scenarios). */
  public WireMockServer server() {
    return server;
  }

  /**
   * Registers a stub after checking it against the description.
   *
   * @throws AssertionError naming the violations, when the stub's answer is not one the API gives
   */
  public StubMapping stub(MappingBuilder builder) {
    StubMapping mapping = builder.build();
    List<String> violations = stubViolations(mapping);
    if (!violations.isEmpty()) {
      throw new AssertionError("A stub that " + api + " API would not answer so:\n  " + String.join("\n  ", violations));
    }
    server.addStubMapping(mapping);
    return mapping;
  }

  /** What is wrong with a stub, empty when nothing is. */
  public List<String> stubViolations(StubMapping mapping) {
    RequestPattern request = mapping.getRequest();
    String method = request.getMethod() == null ? "ANY" : request.getMethod().getName();
    String path = firstNonNull(request.getUrl(), request.getUrlPath(), request.getUrlPathTemplate());
    if (path == null || method.equals("ANY")) {
      return List.of("a stub must name its method and its path (url, urlPath or urlPathTemplate), "
          + "so that it can be checked against an operation; got " + method + " " + request.getUrlMatcher());
    }
    if (request.getUrlPathTemplate() != null) {
      // WireMock's {name} templates are the description's: take the template for one of its own paths
      path = path.replaceAll("\\{[^}]+}", "1");
    }
    ResponseDefinition response = mapping.getResponse();
    if (response.getFault() != null || response.getProxyBaseUrl() != null) {
      return List.of();
    }
    String body = response.specifiesBodyContent() ? response.getBody() : null;
    return contract.responseViolations(method, path, response.getStatus(), body);
  }

  /**
   * Checks every request WireMock received so far against the description, and every
   * answer it gave, a request that no stub matched included.
   *
   * @throws AssertionError naming each request and its violations
   */
  public void verifyRequests() {
    List<String> failures = new ArrayList<>();
    for (ServeEvent event : server.getAllServeEvents()) {
      if (outsideContract(event.getRequest().getUrl()) && event.getWasMatched()) {
        continue;
      }
      List<String> violations = new ArrayList<>(requestViolations(event));
      LoggedResponse response = event.getResponse();
      String name = event.getRequest().getMethod().getName() + " " + event.getRequest().getUrl();
      if (!event.getWasMatched()) {
        violations.add("no stub answered it");
      } else if (response != null) {
        violations.addAll(contract.responseViolations(event.getRequest().getMethod().getName(),
            event.getRequest().getUrl(), response.getStatus(), response.getBodyAsString()));
      }
      if (!violations.isEmpty()) {
        failures.add(name + ":\n    " + String.join("\n    ", violations));
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError("Requests that " + api + " API would not take so:\n  " + String.join("\n  ", failures));
    }
  }

  /**
   * Whether a path the fake serves is not the API's (GitHub's storage host), so that neither
   * its stubs nor its requests are held to the description. None by default.
   */
  protected boolean outsideContract(String url) {
    return false;
  }

  /** Forgets the requests received so far, e.g. after a test that checked a wrong one on purpose. */
  public void forgetRequests() {
    server.resetRequests();
  }

  private List<String> requestViolations(ServeEvent event) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader header : event.getRequest().getHeaders().all()) {
      headers.put(header.key(), header.firstValue());
    }
    return contract.requestViolations(event.getRequest().getMethod().getName(), event.getRequest().getUrl(),
        headers, event.getRequest().getBodyAsString());
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}

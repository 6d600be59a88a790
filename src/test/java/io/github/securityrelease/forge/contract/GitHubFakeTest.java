package io.github.securityrelease.forge.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static io.github.securityrelease.forge.contract.GitHubContract.github;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The WireMock fake held to GitHub's description: its stubs when they are made, the requests it received after the test. */
class GitHubFakeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  final GitHubFake fake = new GitHubFake();

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @DisplayName("a stub as GitHub answers and a request as GitHub takes it pass, before and after the test")
  void validStubAndRequestPass() throws Exception {
    fake.stub(post(urlPathTemplate("/repos/{owner}/{repo}/issues/{issue_number}/comments"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(github().example("issues/create-comment", 201))));
    fake.stub(get(urlPathEqualTo("/repos/octo/widget/git/ref/heads/security/CVE-2025-0001/master"))
        .willReturn(okJson(github().example("git/get-ref", 200))));

    assertThat(send("POST", "/repos/octo/widget/issues/1347/comments", "{\"body\":\"The pull request changed after it was opened.\"}")
        .statusCode()).isEqualTo(201);
    assertThat(send("GET", "/repos/octo/widget/git/ref/heads/security/CVE-2025-0001/master", null).statusCode())
        .isEqualTo(200);
    fake.verifyRequests();
  }

  @Test
  @DisplayName("a stub with a field of the wrong type fails when it is made, naming the field")
  void stubWithWrongFieldTypeFails() throws Exception {
    ObjectNode ref = (ObjectNode) JSON.readTree(github().example("git/get-ref", 200));
    ((ObjectNode) ref.get("object")).put("sha", 42);
    assertThatThrownBy(() -> fake.stub(get(urlPathEqualTo("/repos/octo/widget/git/ref/heads/master"))
        .willReturn(okJson(ref.toString()))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("A stub that GitHub's API would not answer so")
        .hasMessageContaining("git/get-ref: status 200 body: /object/sha");
  }

  @Test
  @DisplayName("a stub without a required field fails when it is made, naming the field")
  void stubWithoutRequiredFieldFails() throws Exception {
    ObjectNode release = (ObjectNode) JSON.readTree(github().example("repos/get-release-by-tag", 200));
    release.remove("assets");
    assertThatThrownBy(() -> fake.stub(get(urlPathEqualTo("/repos/octo/widget/releases/tags/v1.2.3"))
        .willReturn(okJson(release.toString()))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("repos/get-release-by-tag: status 200 body")
        .hasMessageContaining("required property 'assets' not found");
  }

  @Test
  @DisplayName("a stub of a path GitHub does not have, or of a status the operation does not give, fails")
  void stubOfUnknownPathOrStatusFails() {
    assertThatThrownBy(() -> fake.stub(get(urlPathEqualTo("/repos/octo/widget/pull/7")).willReturn(okJson("{}"))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /repos/octo/widget/pull/7: no such operation in GitHub's description");
    assertThatThrownBy(() -> fake.stub(post(urlPathEqualTo("/repos/octo/widget/pulls"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}"))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("pulls/create: status 200 is not in GitHub's description, which has [201, 403, 422]");
  }

  @Test
  @DisplayName("a request whose body lacks a required field fails the check of the requests received, naming it")
  void requestMissingARequiredFieldFails() throws Exception {
    fake.stub(post(urlPathEqualTo("/repos/octo/widget/issues/1347/comments"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(github().example("issues/create-comment", 201))));

    send("POST", "/repos/octo/widget/issues/1347/comments", "{\"text\":\"body is the field's name\"}");

    assertThatThrownBy(fake::verifyRequests)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("POST /repos/octo/widget/issues/1347/comments")
        .hasMessageContaining("issues/create-comment: request body")
        .hasMessageContaining("required property 'body' not found");
    fake.forgetRequests();
  }

  @Test
  @DisplayName("a request no stub answered fails the check, and so does one to a path GitHub lacks")
  void unansweredRequestFails() throws Exception {
    send("GET", "/repos/octo/widget/pulls/7", null);
    send("GET", "/repos/octo/widget/pull/7", null);

    assertThatThrownBy(fake::verifyRequests)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /repos/octo/widget/pulls/7:\n    no stub answered it")
        .hasMessageContaining("GET /repos/octo/widget/pull/7:\n    GET /repos/octo/widget/pull/7: no such operation");
    fake.forgetRequests();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", GitHubContract.API_VERSION);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

package io.github.securityrelease.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.securityrelease.TestForge;
import io.github.securityrelease.forge.WebhookDeliveries.Outcome;
import io.github.securityrelease.web.TestApi;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * What the webhook does with a signed delivery when the forge's repository is set: the shared
 * context of the ITs ({@code GitHubWebhookIT}) has none, since a repository turns the model's
 * delegates on.
 */
class GitHubWebhookControllerTest {

  private static final String REPOSITORY = "Codertocat/Hello-World";

  private final WebhookDeliveries deliveries = mock(WebhookDeliveries.class);
  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new GitHubWebhookController(
          new ForgeProperties(URI.create("https://api.github.com"), REPOSITORY, "token", "file:///private",
              "file:///public", TestForge.WEBHOOK_SECRET, "master", null, "bot", "bot@localhost", "v{version}",
              Duration.ofMinutes(15), false),
          deliveries, new ObjectMapper()))
      .setControllerAdvice(TestApi.exceptionHandler())
      .build();

  @Test
  @DisplayName("R17 a merged pull request of the configured repository is published, its fields from the payload")
  void ownRepository() throws Exception {
    // GitHub's repository names are case-insensitive
    byte[] body = WebhookPayloads.pullRequestClosed(7, true, "codertocat/hello-world");
    deliver("pull_request", body).andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("published"));
    ArgumentCaptor<Object> event = ArgumentCaptor.forClass(Object.class);
    verify(deliveries).record(anyString(), anyString(), eq("pull_request"), eq(Outcome.PUBLISHED), event.capture());
    assertThat(event.getValue()).isEqualTo(new PullRequestEvent("closed", 7, "https://github.com/codertocat/hello-world/pull/7",
        "changes", "ec26c3e57ca3a959ca5aad62de7213c562f8c821", "master", true,
        "c4295bd74fb0f4fda03689c3df3f2803b658fd85", "codertocat/hello-world"));
  }

  @Test
  @DisplayName("R17 a pull request of another repository is answered 202 and put on record, and publishes nothing")
  void otherRepository() throws Exception {
    deliver("pull_request", WebhookPayloads.pullRequestClosed(8, true, "Codertocat/Other-World"))
        .andExpect(status().isAccepted()).andExpect(jsonPath("$.outcome").value("other_repository"));
    verify(deliveries).record(anyString(), anyString(), eq("pull_request"), eq(Outcome.OTHER_REPOSITORY), isNull());
  }

  @Test
  @DisplayName("a signed pull_request without the fields of one is 400, and nothing is on record")
  void notAPullRequest() throws Exception {
    deliver("pull_request", WebhookPayloads.ping(1))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("The pull_request payload has no action"));
    verify(deliveries, never()).record(any(), any(), any(), any(), any());
  }

  @Test
  @DisplayName("a signed body that is not JSON is 400, and nothing is on record")
  void notJson() throws Exception {
    deliver("pull_request", "not json".getBytes()).andExpect(status().isBadRequest());
    verify(deliveries, never()).record(any(), any(), any(), any(), any());
  }

  @Test
  @DisplayName("a delivery ID over 100 characters, or with a line break, is 400")
  void deliveryId() throws Exception {
    byte[] body = WebhookPayloads.ping(2);
    for (String id : new String[] {"x".repeat(101), "a\nb", ""}) {
      mvc.perform(post(GitHubWebhookController.PATH).contentType(MediaType.APPLICATION_JSON).content(body)
              .header("X-GitHub-Event", "ping").header("X-GitHub-Delivery", id)
              .header("X-Hub-Signature-256", TestForge.signature(body)))
          .andExpect(status().isBadRequest());
    }
    verify(deliveries, never()).record(any(), any(), any(), any(), any());
  }

  @Test
  @DisplayName("a form-encoded delivery (GitHub's other content type) is 415: the webhook takes JSON only")
  void formEncoded() throws Exception {
    byte[] body = "payload=%7B%7D".getBytes();
    mvc.perform(post(GitHubWebhookController.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body)
            .header("X-GitHub-Event", "ping").header("X-GitHub-Delivery", UUID.randomUUID().toString())
            .header("X-Hub-Signature-256", TestForge.signature(body)))
        .andExpect(status().isUnsupportedMediaType());
    verify(deliveries, never()).record(any(), any(), any(), any(), any());
  }

  private ResultActions deliver(String event, byte[] body) throws Exception {
    return mvc.perform(post(GitHubWebhookController.PATH).contentType(MediaType.APPLICATION_JSON).content(body)
        .header("X-GitHub-Event", event).header("X-GitHub-Delivery", UUID.randomUUID().toString())
        .header("X-Hub-Signature-256", TestForge.signature(body)));
  }
}

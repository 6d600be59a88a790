package io.github.securityrelease.forge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.securityrelease.forge.WebhookDeliveries.Outcome;
import io.github.securityrelease.forge.WebhookSignature.Verdict;
import io.github.securityrelease.web.BodySizeLimitFilter;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/github}: GitHub's deliveries, how the service learns that a release-day
 * pull request was merged, or changed (R17 "unchanged"). No login: the signature
 * ({@link WebhookSignature}) is checked first, and a delivery without a valid one is refused
 * {@code 401} with nothing read, stored, published or logged but the refusal. A signed one is
 * taken once ({@link WebhookDeliveries}); a {@code pull_request} of the configured repository
 * becomes a {@link PullRequestEvent}. Absent ({@code 404}) while the secret is unset.
 */
@RestController
@Conditional(WebhookSecretSet.class)
class GitHubWebhookController {

  static final String PATH = "/webhooks/github";

  /** GitHub caps a delivery at 25 MB; a {@code pull_request} one is a few tens of KB. */
  static final int LIMIT_BYTES = 1024 * 1024;

  static final String DELIVERY = "X-GitHub-Delivery";
  static final String EVENT = "X-GitHub-Event";

  /** What goes into the row and the log: GitHub's GUIDs and event names, no spaces or line breaks. */
  private static final Pattern HEADER_VALUE = Pattern.compile("[\\x21-\\x7E]{1,100}");

  private static final Logger log = LoggerFactory.getLogger(GitHubWebhookController.class);

  private final WebhookSignature signature;
  private final WebhookDeliveries deliveries;
  private final ObjectMapper json;
  private final ForgeProperties properties;

  GitHubWebhookController(ForgeProperties properties, WebhookDeliveries deliveries, ObjectMapper json) {
    this.signature = new WebhookSignature(properties.webhookSecret());
    this.deliveries = deliveries;
    this.json = json;
    this.properties = properties;
  }

  /** The answer: what was done with the delivery. */
  record Received(String outcome) {}

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Received> receive(@RequestHeader(name = WebhookSignature.HEADER, required = false) String signed,
      @RequestHeader(name = DELIVERY, required = false) String deliveryId,
      @RequestHeader(name = EVENT, required = false) String event,
      @RequestBody(required = false) byte[] body) {
    byte[] bytes = body == null ? new byte[0] : body;
    Verdict verdict = signature.verify(bytes, signed);
    if (verdict != Verdict.VALID) {
      log.warn("Refused a GitHub webhook delivery: {}", verdict.detail());
      throw new DeliveryRefusedException(HttpStatus.UNAUTHORIZED, verdict.detail());
    }
    requireHeader(DELIVERY, deliveryId);
    requireHeader(EVENT, event);
    String bodySha256 = sha256(bytes);
    if (deliveries.known(deliveryId, bodySha256)) {
      return alreadyReceived(deliveryId);
    }
    JsonNode payload = parse(bytes);
    PullRequestEvent pullRequest = "pull_request".equals(event) ? pullRequest(payload) : null;
    Outcome outcome = outcome(event, pullRequest);
    try {
      deliveries.record(deliveryId, bodySha256, event, outcome, outcome == Outcome.PUBLISHED ? pullRequest : null);
    } catch (DuplicateKeyException e) {
      // another request (another node) took the same delivery meanwhile: its row, its event
      log.info("GitHub webhook delivery {} was taken by another request meanwhile", deliveryId);
      return alreadyReceived(deliveryId);
    }
    log.info("GitHub webhook delivery {} ({}): {}", deliveryId, event, outcome);
    HttpStatus status = outcome == Outcome.PING || outcome == Outcome.PUBLISHED ? HttpStatus.OK : HttpStatus.ACCEPTED;
    return ResponseEntity.status(status).body(new Received(outcome.name().toLowerCase(Locale.ROOT)));
  }

  private Outcome outcome(String event, PullRequestEvent pullRequest) {
    if ("ping".equals(event)) {
      return Outcome.PING;
    }
    if (pullRequest == null) {
      return Outcome.IGNORED;
    }
    return !properties.configured() || properties.repository().equalsIgnoreCase(pullRequest.repository())
        ? Outcome.PUBLISHED : Outcome.OTHER_REPOSITORY;
  }

  private static ResponseEntity<Received> alreadyReceived(String deliveryId) {
    log.info("GitHub webhook delivery {}: already received", deliveryId);
    return ResponseEntity.ok(new Received("already received"));
  }

  private static void requireHeader(String name, String value) {
    if (value == null || !HEADER_VALUE.matcher(value).matches()) {
      throw new DeliveryRefusedException(HttpStatus.BAD_REQUEST,
          "The " + name + " header is required: at most 100 visible ASCII characters");
    }
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode payload = json.readTree(body);
      if (payload == null || !payload.isObject()) {
        throw new DeliveryRefusedException(HttpStatus.BAD_REQUEST, "The delivery's body is not a JSON object");
      }
      return payload;
    } catch (JacksonException e) {
      throw new DeliveryRefusedException(HttpStatus.BAD_REQUEST, "The delivery's body is not JSON");
    } catch (IOException e) {
      throw new IllegalStateException("Reading bytes in memory failed", e);
    }
  }

  private static PullRequestEvent pullRequest(JsonNode payload) {
    try {
      return PullRequestEvent.of(payload);
    } catch (PullRequestEvent.NotAPullRequest e) {
      throw new DeliveryRefusedException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The deliveries' own body limit, larger than the API's 64 KiB. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(WebhookSecretSet.class)
  static class BodyLimit {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> webhookBodySizeLimit() {
      return BodySizeLimitFilter.limiting("webhookBodySizeLimit", LIMIT_BYTES, PATH);
    }
  }
}

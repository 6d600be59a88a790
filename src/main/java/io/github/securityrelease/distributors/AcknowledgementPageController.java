package io.github.securityrelease.distributors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.securityrelease.distributors.DistributorAcknowledgements.Link;
import io.github.securityrelease.web.InvalidFieldException;
import io.github.securityrelease.web.LinkPages;
import io.github.securityrelease.web.PageRateLimit;
import io.github.securityrelease.web.RateLimits;
import io.github.securityrelease.web.SameOrigin;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * R29: the distributor's page, at {@code /distributor/{token}}, open without an account: the
 * token of a notice's link is the key. A token that opens nothing gets one answer, {@code 404},
 * whatever the reason (never was, expired, the distributor removed). Opening the page records
 * nothing (a mail scanner that follows links must not acknowledge for the distributor): a
 * {@code POST} does.
 *
 * <p>A {@code POST} to the same address is either the page's form (its CSRF protection is
 * {@link SameOrigin}: 403 from another site; then 303 back to the page) or JSON
 * ({@code Content-Type: application/json}, which no other site's form can send):
 * {@code {"status": "AFFECTED", "note": "...", "feedback": {"reviewed": true, "tested": true,
 * "issuesFound": "..."}}}, every member optional, {@code {}} the acknowledgement alone; answered
 * {@code 201} with what was recorded, or {@code 400} naming the field. The token is checked
 * first, whatever the body. Rate-limited per client address like the reporter's page.
 */
@RestController
class AcknowledgementPageController {

  private static final Set<String> JSON_MEMBERS = Set.of("status", "note", "feedback");
  private static final Set<String> FEEDBACK_MEMBERS = Set.of("reviewed", "tested", "issuesFound");

  private final AcknowledgementPage page;
  private final SameOrigin sameOrigin;
  private final ObjectMapper json;

  AcknowledgementPageController(AcknowledgementPage page, SameOrigin sameOrigin, ObjectMapper json) {
    this.page = page;
    this.sameOrigin = sameOrigin;
    this.json = json;
  }

  @GetMapping(DistributorAcknowledgements.PAGE_PATH + "{token}")
  ResponseEntity<String> page(@PathVariable String token) {
    return page.open(token).map(link -> html(HttpStatus.OK, page.render(token, link))).orElseGet(() -> notFound());
  }

  // no "consumes": whatever the body, the token is checked first (a wrong one is 404, as the page)
  @PostMapping(DistributorAcknowledgements.PAGE_PATH + "{token}")
  ResponseEntity<?> post(@PathVariable String token, HttpServletRequest request) throws IOException {
    Optional<Link> link = page.open(token);
    if (link.isEmpty()) {
      return notFound();
    }
    if (isJson(request)) {
      Acknowledgement.Said said = fromJson(request);
      return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CACHE_CONTROL, "no-store")
          .contentType(MediaType.APPLICATION_JSON).body(page.record(link.get(), said, Acknowledgement.API));
    }
    if (!sameOrigin.allows(request)) {
      return html(HttpStatus.FORBIDDEN, AcknowledgementPage.refused(token,
          "This form can only be sent from your page: open it from the link in the notice."));
    }
    try {
      Acknowledgement.Said said = new Acknowledgement.Said(
          Acknowledgement.Said.status("status", request.getParameter("status")), request.getParameter("note"),
          Acknowledgement.Said.yesNo("reviewed", request.getParameter("reviewed")),
          Acknowledgement.Said.yesNo("tested", request.getParameter("tested")), request.getParameter("issuesFound"));
      page.record(link.get(), said, Acknowledgement.PAGE);
    } catch (InvalidFieldException invalid) {
      return html(HttpStatus.BAD_REQUEST, AcknowledgementPage.refused(token,
          "The field " + invalid.field() + " " + invalid.getMessage() + "."));
    }
    return LinkPages.backTo(DistributorAcknowledgements.PAGE_PATH + token);
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    try {
      return type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
    } catch (org.springframework.util.InvalidMimeTypeException unreadable) {
      return false;
    }
  }

  /** The JSON body, each member checked: an unknown member, a wrong type or an unknown status is named. */
  private Acknowledgement.Said fromJson(HttpServletRequest request) throws IOException {
    JsonNode body;
    try {
      body = json.readTree(request.getInputStream());
    } catch (IOException unreadable) {
      throw new InvalidFieldException("body", "is not JSON");
    }
    if (body == null || body.isMissingNode() || body.isNull()) {
      return Acknowledgement.Said.RECEIVED;
    }
    if (!body.isObject()) {
      throw new InvalidFieldException("body", "must be a JSON object");
    }
    known(body, JSON_MEMBERS, "");
    JsonNode feedback = body.path("feedback");
    if (feedback.isTextual()) {
      // the short form, "feedback": "...": what the review and tests found, in words
      return new Acknowledgement.Said(Acknowledgement.Said.status("status", text(body, "status", "status")),
          text(body, "note", "note"), null, null, text(body, "feedback", "feedback"));
    }
    if (!feedback.isMissingNode() && !feedback.isNull() && !feedback.isObject()) {
      throw new InvalidFieldException("feedback", "must be a text, or an object: reviewed, tested (true or false), "
          + "issuesFound");
    }
    if (feedback.isObject()) {
      known(feedback, FEEDBACK_MEMBERS, "feedback.");
    }
    return new Acknowledgement.Said(Acknowledgement.Said.status("status", text(body, "status", "status")),
        text(body, "note", "note"), bool(feedback, "reviewed"), bool(feedback, "tested"),
        text(feedback, "issuesFound", "feedback.issuesFound"));
  }

  private static void known(JsonNode object, Set<String> members, String prefix) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!members.contains(name)) {
        throw new InvalidFieldException(prefix + name, "is not a member: only " + String.join(", ", members));
      }
    }
  }

  private static String text(JsonNode object, String name, String field) {
    JsonNode value = object.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidFieldException(field, "must be a string");
    }
    return value.asText();
  }

  private static Boolean bool(JsonNode feedback, String name) {
    JsonNode value = feedback.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new InvalidFieldException("feedback." + name, "must be true or false");
    }
    return value.asBoolean();
  }

  private static ResponseEntity<String> notFound() {
    return LinkPages.notFound();
  }

  private static ResponseEntity<String> html(HttpStatus status, String html) {
    return LinkPages.html(status, html);
  }

  @Configuration(proxyBeanMethods = false)
  static class RateLimit {

    @Bean
    FilterRegistrationBean<PageRateLimit> distributorPageRateLimit(AcknowledgementProperties properties,
        RateLimits limits) {
      return PageRateLimit.on(limits, DistributorAcknowledgements.PAGE_PATH, properties.pageRequestsPerMinute(),
          properties.pageBurst());
    }
  }
}

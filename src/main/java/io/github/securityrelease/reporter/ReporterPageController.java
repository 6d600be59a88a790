package io.github.securityrelease.reporter;

import io.github.securityrelease.web.SameOrigin;
import io.github.securityrelease.cases.Credit;
import io.github.securityrelease.cases.Credits;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reporter's page, at {@code /reporter/{token}}, open without an account: the token is the
 * key. A token that opens nothing gets one answer, whatever the reason (never was, revoked,
 * expired), so that nobody learns which. Rate-limited by {@link ReporterPageRateLimit}; the
 * forms' bodies are held to the web package's limit.
 *
 * <p>Its two forms post here: {@code /answer} (the reporter writes to the team) and {@code
 * /credit}. Each checks, in this order and before anything else: the token (404 as for the
 * page), that the form came from the page ({@link SameOrigin}, else 403), the input (400); and
 * then answers 303 to the page, so that reloading it sends nothing again.
 */
@RestController
class ReporterPageController {

  /**
   * No script at all, the service's own style sheet, never framed, forms only to here; and
   * no cache, since the token is in the address.
   */
  static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'";

  /**
   * The token in the address never leaves the service's origin: no {@code Referer} to anyone
   * else. Within it the browser sends one, and with it the page's {@code Origin} with its forms,
   * which {@code no-referrer} would make {@code null} (what {@link SameOrigin} checks in a
   * browser without {@code Sec-Fetch-Site}).
   */
  static final String REFERRER_POLICY = "same-origin";

  static final String NOT_FOUND = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
      <body><p>Not found.</p></body></html>
      """;

  private final ReporterPage page;
  private final SameOrigin sameOrigin;

  ReporterPageController(ReporterPage page, SameOrigin sameOrigin) {
    this.page = page;
    this.sameOrigin = sameOrigin;
  }

  @GetMapping(LinkMail.PAGE_PATH + "{token}")
  ResponseEntity<String> page(@PathVariable String token) {
    return page.render(token)
        .map(html -> answer(HttpStatus.OK, html))
        .orElseGet(ReporterPageController::notFound);
  }

  // no "consumes": whatever the body, the token is checked first (a wrong one is 404, as the page)
  @PostMapping(LinkMail.PAGE_PATH + "{token}/answer")
  ResponseEntity<String> answer(@PathVariable String token, HttpServletRequest request) {
    return posted(token, request, found -> page.answer(found, request.getParameter("nonce"),
            request.getParameter("text"))
        .map(why -> answer(HttpStatus.BAD_REQUEST, ReporterPage.refused(token, "Your answer was not sent", why)))
        .orElseGet(() -> backTo(token)));
  }

  @PostMapping(LinkMail.PAGE_PATH + "{token}/credit")
  ResponseEntity<String> credit(@PathVariable String token, HttpServletRequest request) {
    return posted(token, request, found -> {
      String credit = request.getParameter("credit");
      Optional<String> refusal = Credit.refusal(credit);
      if (refusal.isPresent()) {
        return answer(HttpStatus.BAD_REQUEST, ReporterPage.refused(token, "Your credit was not changed",
            "The credit " + refusal.get() + "."));
      }
      return switch (page.changeCredit(found, credit)) {
        case CHANGED -> backTo(token);
        case PUBLIC -> answer(HttpStatus.CONFLICT, ReporterPage.refused(token, "Your credit is final",
            "The advisory is being published, or is public, with your credit as it stands."));
        case ENDED -> answer(HttpStatus.CONFLICT, ReporterPage.refused(token, "Your credit is final",
            "This case is closed."));
        case NO_CASE -> notFound();
      };
    });
  }

  /** A form's answer: the token first, then where the form came from, then {@code action}. */
  private ResponseEntity<String> posted(String token, HttpServletRequest request,
      Function<CaseForReporter, ResponseEntity<String>> action) {
    Optional<CaseForReporter> found = page.caseOf(token);
    if (found.isEmpty()) {
      return notFound();
    }
    if (!sameOrigin.allows(request)) {
      return answer(HttpStatus.FORBIDDEN, ReporterPage.refused(token, "Not sent",
          "This form can only be sent from your page: open it from the link in your mail and write there."));
    }
    return action.apply(found.get());
  }

  /** 303: the browser shows the page again, with a GET, and a reload sends nothing. */
  private static ResponseEntity<String> backTo(String token) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(LinkMail.PAGE_PATH + token))
        .header("Referrer-Policy", REFERRER_POLICY)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  private static ResponseEntity<String> notFound() {
    return answer(HttpStatus.NOT_FOUND, NOT_FOUND);
  }

  private static ResponseEntity<String> answer(HttpStatus status, String html) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", POLICY)
        .header("Referrer-Policy", REFERRER_POLICY)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Robots-Tag", "noindex, nofollow")
        .body(html);
  }
}

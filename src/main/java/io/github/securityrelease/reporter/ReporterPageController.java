package io.github.securityrelease.reporter;

import io.github.securityrelease.web.LinkPages;
import io.github.securityrelease.web.SameOrigin;
import io.github.securityrelease.cases.Credit;
import io.github.securityrelease.cases.Credits;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
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

  private static ResponseEntity<String> backTo(String token) {
    return LinkPages.backTo(LinkMail.PAGE_PATH + token);
  }

  private static ResponseEntity<String> notFound() {
    return LinkPages.notFound();
  }

  private static ResponseEntity<String> answer(HttpStatus status, String html) {
    return LinkPages.html(status, html);
  }
}

package io.github.securityrelease.tokens;

import io.github.securityrelease.security.EngineIdentity;
import io.github.securityrelease.security.Groups;
import io.github.securityrelease.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API tokens for automation, for any logged-in user. A token itself reaches none of
 * this ({@link TokenReach}): tokens are created, listed and revoked with a password, SSO, or
 * on the token page ({@link TokenPage}) with the webapps' session.
 */
@RestController
@RequestMapping(path = "/api/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tokens", description = "Personal API tokens: scoped, expiring, revocable; shown once")
class TokenController {

  private final PersonalTokens tokens;
  private final IdentityService identityService;
  private final EngineIdentity engineIdentity;

  TokenController(PersonalTokens tokens, IdentityService identityService, EngineIdentity engineIdentity) {
    this.tokens = tokens;
    this.identityService = identityService;
    this.engineIdentity = engineIdentity;
  }

  /** The answer that creates a token, the only one that holds its secret. */
  record CreatedToken(long id, String name, Set<Scope> scopes, Instant expiresAt, String token) {}

  @Operation(summary = "Create a personal API token",
      description = "201 with the token, shown this once: send it as Authorization: Bearer. Scopes: read (cases,"
          + " calendars, advisories, the engine's reads), work (also completing one's own tasks and correlating"
          + " messages); the expiry (expiresAt or days) at most a year ahead. 400 naming the field")
  @ApiResponse(responseCode = "201", description = "The token, shown once")
  @ApiResponse(responseCode = "403", description = "Asked with a token: tokens do not make tokens; or a caller with"
      + " no account here")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CreatedToken> create(@Valid @RequestBody TokenRequest request, Authentication caller,
      HttpServletRequest http) {
    // signed in through the provider with no Camunda user yet: no rights, and no token to keep for later
    if (engineIdentity.runAsService(() -> identityService.createUserQuery().userId(caller.getName()).count()) == 0) {
      throw new NoAccountException();
    }
    PersonalTokens.Created created = tokens.create(caller.getName(), request, http.getRemoteAddr());
    ApiToken token = created.token();
    return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id()))
        .body(new CreatedToken(token.id(), token.name(), token.scopes(), token.expiresAt(), created.secret()));
  }

  @Operation(summary = "The caller's tokens, or everyone's for the security team (all=true)",
      description = "With their last use (day and address) and revocation; never a secret")
  @ApiResponse(responseCode = "200", description = "The tokens, newest first")
  @ApiResponse(responseCode = "403", description = "all=true outside security-team, or asked with a token")
  @GetMapping
  List<ApiToken> list(@RequestParam(defaultValue = "false") boolean all, Authentication caller) {
    if (all && !isTeam(caller)) {
      throw new NotTeamException();
    }
    return tokens.of(all ? null : caller.getName());
  }

  @Operation(summary = "Revoke a token, for good", description = "Its owner or the security team; 204 also when"
      + " revoked already")
  @ApiResponse(responseCode = "204", description = "Revoked")
  @ApiResponse(responseCode = "403", description = "Asked with a token")
  @ApiResponse(responseCode = "404", description = "No such token of the caller's (of anyone's, for the team)")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(@PathVariable long id, Authentication caller, HttpServletRequest http) {
    // another's token is as unknown as one that does not exist: its ID tells nothing
    ApiToken token = tokens.find(id).filter(found -> found.owner().equals(caller.getName()) || isTeam(caller))
        .orElseThrow(() -> new UnknownTokenException(id));
    tokens.revoke(token, caller.getName(), http.getRemoteAddr());
    return ResponseEntity.noContent().build();
  }

  private static boolean isTeam(Authentication caller) {
    return caller.getAuthorities().stream()
        .anyMatch(authority -> Groups.authority(Groups.SECURITY_TEAM).equals(authority.getAuthority()));
  }

  /** No token of the caller's (or, for the team, of anyone's) has the id: 404. */
  static class UnknownTokenException extends ProblemException {
    UnknownTokenException(long id) {
      super(HttpStatus.NOT_FOUND, "No token " + id);
    }
  }

  /** A caller the provider knows and the service does not (no Camunda user): 403. */
  static class NoAccountException extends ProblemException {
    NoAccountException() {
      super(HttpStatus.FORBIDDEN, "You have no account here yet: an administrator or the team adds you");
    }
  }

  /** Everyone's tokens are the security team's to see: 403. */
  static class NotTeamException extends ProblemException {
    NotTeamException() {
      super(HttpStatus.FORBIDDEN, "Only the security team lists everyone's tokens");
    }
  }
}

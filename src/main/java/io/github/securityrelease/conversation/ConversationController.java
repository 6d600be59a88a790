package io.github.securityrelease.conversation;

import io.github.securityrelease.engine.MaxCharacters;
import io.github.securityrelease.engine.TaskInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The conversation with a case's reporter (R28), for the security team alone (R27: managers see no message). */
@RestController
@Tag(name = "Cases")
class ConversationController {

  private final Conversation conversation;

  ConversationController(Conversation conversation) {
    this.conversation = conversation;
  }

  /** What the team writes to the reporter: plain text, the service's text limit. */
  record Written(@NotBlank @MaxCharacters(TaskInput.MAX_TEXT)
      @Pattern(regexp = TaskInput.STORABLE_TEXT, message = TaskInput.STORABLE_MESSAGE) String body) {}

  /**
   * @param messages where the conversation is listed; the message is in it once its job has put
   *     it on the notification ledger (at once, unless the job executor is busy)
   * @param sending the ID of the process instance {@code reporter-message} that sends it (Cockpit)
   */
  record Accepted(String caseId, String messages, String sending) {}

  @Operation(summary = "The conversation with the reporter: every message in and out, oldest first (security-team)",
      description = "IN: what the reporter wrote (by mail or on their page); OUT: every mail to the reporter's"
          + " address on the notification ledger. Managers see no message (R27)")
  @ApiResponse(responseCode = "200", description = "The messages, oldest first")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such case")
  @GetMapping("/api/v1/cases/{caseId}/messages")
  List<Message> messages(@PathVariable String caseId) {
    return conversation.of(caseId);
  }

  @Operation(summary = "Write to the reporter of a case (security-team)",
      description = "202: an engine job sends the mail, in the report's thread, retried and raised as an incident"
          + " when it cannot go; it is on the notification ledger and in the conversation")
  @ApiResponse(responseCode = "202", description = "Accepted: the job sends it; Location is the conversation")
  @ApiResponse(responseCode = "400", description = "No body, or one too long")
  @ApiResponse(responseCode = "403", description = "Not in security-team: nothing is started")
  @ApiResponse(responseCode = "404", description = "No such case: nothing is started")
  @PostMapping(path = "/api/v1/cases/{caseId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Accepted> write(@PathVariable String caseId, @Valid @RequestBody Written written,
      Authentication caller) {
    String sending = conversation.write(caseId, written.body().strip(), caller.getName());
    String messages = "/api/v1/cases/" + caseId + "/messages";
    return ResponseEntity.accepted().location(URI.create(messages)).body(new Accepted(caseId, messages, sending));
  }
}

package io.github.securityrelease.inbox;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The files of a mailed report, for the security team alone (R27: managers see no report's
 * content). A file is handed out as bytes to save, never to show: {@code application/octet-stream},
 * {@code Content-Disposition: attachment} and {@code nosniff}, whatever type the mail declared,
 * so that no browser renders or runs what a stranger sent.
 */
@RestController
@Tag(name = "Cases")
class AttachmentController {

  private final ReportAttachments attachments;
  private final Cases cases;

  AttachmentController(ReportAttachments attachments, Cases cases) {
    this.attachments = attachments;
    this.cases = cases;
  }

  @Operation(summary = "The files the case's mailed report came with: name, declared type, size, SHA-256 (security-team)")
  @ApiResponse(responseCode = "200", description = "The files, in the mail's order; none for a case reported otherwise")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such case")
  @GetMapping("/api/v1/cases/{caseId}/attachments")
  List<ReportAttachments.Listed> list(@PathVariable String caseId) {
    return cases.rowsOf(caseId, attachments.list(caseId));
  }

  @Operation(summary = "One file of the case's mailed report, to save, never to open in the browser (security-team)")
  @ApiResponse(responseCode = "200", description = "The bytes as they came, application/octet-stream, as an attachment",
      content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
          schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such case, or no such file of it")
  @GetMapping("/api/v1/cases/{caseId}/attachments/{n}")
  ResponseEntity<byte[]> download(@PathVariable String caseId, @PathVariable int n) {
    ReportAttachments.Download file = attachments.find(caseId, n).orElseThrow(() -> new NoSuchFile(caseId, n));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    headers.setContentDisposition(ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build());
    headers.set("X-Content-Type-Options", "nosniff");
    headers.setCacheControl(CacheControl.noStore());
    return new ResponseEntity<>(file.content(), headers, HttpStatus.OK);
  }

  /** 404: the case has no file {@code n}, or there is no such case. */
  static final class NoSuchFile extends ProblemException {
    NoSuchFile(String caseId, int n) {
      super(HttpStatus.NOT_FOUND, "No file " + n + " of case " + caseId);
    }
  }
}

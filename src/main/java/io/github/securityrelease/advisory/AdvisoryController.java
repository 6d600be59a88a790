package io.github.securityrelease.advisory;

import static io.github.securityrelease.cases.CaseVariables.CVE_ID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.securityrelease.cases.UnknownCaseException;
import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.security.EngineIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** R18: the security advisory of a case, made from the case as it stands, for the security team. */
@RestController
@Tag(name = "Cases")
class AdvisoryController {

  enum Format {
    OSV, CVE5, CSAF;

    String id() {
      return name().toLowerCase();
    }
  }

  private final Cases cases;
  private final EngineIdentity engineIdentity;
  private final OsvAdvisory osv;
  private final Cve5Advisory cve5;
  private final CsafAdvisory csaf;

  AdvisoryController(Cases cases, EngineIdentity engineIdentity, OsvAdvisory osv, Cve5Advisory cve5,
      CsafAdvisory csaf) {
    this.cases = cases;
    this.engineIdentity = engineIdentity;
    this.osv = osv;
    this.cve5 = cve5;
    this.csaf = csaf;
  }

  @Operation(summary = "The case's security advisory, as OSV, a CVE record or CSAF 2.0 (security-team; R18)",
      description = "format=osv, format=cve5 or format=csaf; 409 without a CVE ID, 409 while the case is not disclosed "
          + "(draft=true gives the draft: no publication date, for cve5 the CNA container alone, for csaf "
          + "a document in status draft), "
          + "501 for cve5 without the CNA's id")
  @ApiResponse(responseCode = "200", description = "The advisory, as an attachment")
  @ApiResponse(responseCode = "400", description = "No format, or an unknown one")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such case")
  @ApiResponse(responseCode = "409", description = "The case has no CVE ID yet, or is not disclosed (draft=true gives the draft)")
  @ApiResponse(responseCode = "501", description = "cve5 without the CNA's id configured")
  @GetMapping("/api/v1/cases/{caseId}/advisory")
  ResponseEntity<JsonNode> advisory(@PathVariable String caseId, @RequestParam String format,
      @RequestParam(defaultValue = "false") boolean draft) {
    Format chosen = Arrays.stream(Format.values()).filter(known -> known.id().equals(format)).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "format: '" + format
            + "' is not an advisory format; one of " + Arrays.stream(Format.values()).map(Format::id)
            .collect(Collectors.joining(", "))));
    if (chosen == Format.CVE5 && !cve5.configured()) {
      // not the caller's mistake, and no failure either: this installation cannot make the record
      throw new ResponseStatusException(HttpStatus.NOT_IMPLEMENTED,
          "No CVE record without security-release.advisory.cna-org-id, the CNA that assigns the CVE IDs");
    }
    // the caller's group was checked at the door; history holds the variables of ended cases too
    HistoricProcessInstance found = engineIdentity.runAsService(() -> cases.find(caseId))
        .orElseThrow(() -> UnknownCaseException.noCase(caseId));
    Map<String, Object> variables = engineIdentity.runAsService(() -> cases.variables(found));
    if (variables.get(CVE_ID) == null || variables.get(CVE_ID).toString().isBlank()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "Case " + caseId + " has no CVE ID yet: an advisory names the CVE (R12, R18)");
    }
    Advisory advisory = Advisory.from(variables,
        engineIdentity.runAsService(() -> cases.changes(found, Advisory.VARIABLES)));
    boolean published = advisory.disclosed();
    if (!published && !draft) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Case " + caseId + " is not disclosed yet: "
          + "its advisory is not published (R18, R27); draft=true gives the draft, without a publication date");
    }
    JsonNode body = switch (chosen) {
      case OSV -> osv.write(advisory);
      case CVE5 -> published ? cve5.write(advisory) : cve5.cnaContainer(advisory);
      case CSAF -> csaf.write(advisory);
    };
    String name = published ? chosen.id() : "draft." + (chosen == Format.CVE5 ? "cna" : chosen.id());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(advisory.cveId() + "." + name + ".json").build().toString())
        .body(body);
  }

}

package io.github.securityrelease.forge;

import io.github.securityrelease.cases.Cases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case's record of the forge: every call, and the release assets release day checked (R17),
 * for the security team (SecurityConfig checks the group first).
 */
@RestController
@Tag(name = "Cases")
class ForgeCallController {

  private final ForgeCalls calls;
  private final ReleaseAssets assets;
  private final Cases cases;

  ForgeCallController(ForgeCalls calls, ReleaseAssets assets, Cases cases) {
    this.calls = calls;
    this.assets = assets;
    this.cases = cases;
  }

  @Operation(summary = "The case's forge calls: every call to GitHub and git, when, and the answer's status (security-team)")
  @ApiResponse(responseCode = "200", description = "The calls, oldest first")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such case")
  @GetMapping("/api/v1/cases/{caseId}/forge-calls")
  List<ForgeCall> forgeCalls(@PathVariable String caseId) {
    return cases.rowsOf(caseId, calls.findByCase(caseId));
  }

  @Operation(summary = "The release assets release day checked: version, tag, name, size, SHA-256, the checksum file they were checked against (security-team)")
  @ApiResponse(responseCode = "200", description = "The assets of the last verification")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such case")
  @GetMapping("/api/v1/cases/{caseId}/release-assets")
  List<ReleaseAssets.ReleaseAsset> releaseAssets(@PathVariable String caseId) {
    return cases.rowsOf(caseId, assets.ofCase(caseId));
  }
}

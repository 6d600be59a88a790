package io.github.securityrelease.assessment;

import io.github.securityrelease.assessment.CvssScorer.CvssResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The score and rating of a CVSS vector (R5), for the team's forms and tools. */
@RestController
@Tag(name = "CVSS", description = "R5 scores and ratings")
class CvssController {

  private final CvssScorer scorer;

  CvssController(CvssScorer scorer) {
    this.scorer = scorer;
  }

  @Operation(summary = "Score a CVSS 3.0, 3.1 or 4.0 vector and rate it (any user; R5)",
      description = "400 naming the metric at fault")
  @ApiResponse(responseCode = "200", description = "The score and its rating")
  @ApiResponse(responseCode = "400", description = "No vector, or an invalid one: the metric at fault named")
  @GetMapping("/api/v1/cvss")
  CvssResult score(@RequestParam(name = "vector", required = false) String vector) {
    // a missing vector is refused by the scorer, so that it gets the same answer as a bad one
    return scorer.score(vector);
  }
}

package io.github.securityrelease.assessment;

import io.github.securityrelease.assessment.CvssScorer.CvssResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The score and rating of a CVSS vector (R5), for the team's forms and tools. */
@RestController
class CvssController {

  private final CvssScorer scorer;

  CvssController(CvssScorer scorer) {
    this.scorer = scorer;
  }

  @GetMapping("/api/v1/cvss")
  CvssResult score(@RequestParam(name = "vector", required = false) String vector) {
    // a missing vector is refused by the scorer, so that it gets the same answer as a bad one
    return scorer.score(vector);
  }
}

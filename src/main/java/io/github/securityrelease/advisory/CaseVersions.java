package io.github.securityrelease.advisory;

import java.util.List;
import java.util.Optional;

/**
 * A case's versions read as the advisories read them, for the forge: the fixed releases whose
 * GitHub releases it verifies (R17), and the affected versions of the repository advisory's
 * draft (R12).
 */
public final class CaseVersions {

  private CaseVersions() {}

  /** {@code releaseVersions} as a list: comma, semicolon or line separated ({@link Advisory#releaseList}). */
  public static List<String> releaseList(Object releaseVersions) {
    return Advisory.releaseList(releaseVersions);
  }

  /**
   * The team's affected versions as GitHub's {@code vulnerable_version_range} writes a range
   * ({@code >= 0.5.0, < 0.6.2}). A draft holds one range: several runs become the span from the
   * first to the last, which calls no affected version unaffected. Empty when the text does not
   * read as versions.
   */
  public static Optional<String> vulnerableRange(String affectedVersions) {
    if (affectedVersions == null || affectedVersions.isBlank()) {
      return Optional.empty();
    }
    return AffectedRange.parse(affectedVersions).map(AffectedRange::span).map(AffectedRange::github);
  }
}

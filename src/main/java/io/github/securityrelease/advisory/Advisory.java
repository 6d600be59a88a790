package io.github.securityrelease.advisory;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.assessment.CvssScorer;
import io.github.securityrelease.assessment.CvssScorer.CvssResult;
import io.github.securityrelease.assessment.InvalidCvssVectorException;
import io.github.securityrelease.assessment.Severity;
import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.disclosure.InvalidPlanException;
import io.github.securityrelease.disclosure.PlanDates;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.semver4j.Semver;

/**
 * R18: what the public announcement of a case says, read from the case's variables as the
 * engine returns them. The free text stays as the team wrote it; what a format needs parsed
 * (versions, URLs) is parsed here, once for every format.
 *
 * @param affectedVersions the team's text, e.g. {@code v0.5.0 - v0.6.1} or {@code < 0.6.2}
 * @param releaseVersions the releases that carry the fix, as written ({@code v0.6.2})
 * @param fixPullRequests what in {@code fixPullRequests} is an http(s) URL (one a line, or between spaces)
 * @param advisoryUrl where the team published the advisory ("Publish security advisory")
 * @param disclosureBegan when the case entered PUBLIC_DISCLOSURE (the embargo ended), from its history
 * @param lastChanged the latest change of any variable in {@link #VARIABLES}, from the case's history
 * @param credit how the reporter wishes to be credited (R28); null: the reporter is named nowhere
 */
record Advisory(String caseId, String cveId, String title, String impactDescription, Severity severity,
    Cvss cvss, String affectedVersions, List<String> affectedComponents, List<String> releaseVersions,
    List<URI> fixPullRequests, String mitigations, URI releaseNotesUrl, URI trackingIssueUrl,
    URI binariesLocation, URI advisoryUrl, Instant disclosureBegan, Instant disclosedAt, Instant lastChanged,
    String credit) {

  /** Every case variable an advisory is made from: a change of any of them changes the advisory. */
  static final List<String> VARIABLES = List.of(CASE_ID, CVE_ID, TITLE, IMPACT_DESCRIPTION, SEVERITY, CVSS_VECTOR,
      CVSS_VERSION, CVSS_SCORE, AFFECTED_VERSIONS, AFFECTED_COMPONENTS, RELEASE_VERSIONS, FIX_PULL_REQUESTS,
      MITIGATIONS, RELEASE_NOTES_URL, TRACKING_ISSUE_URL, BINARIES_LOCATION, ADVISORY_URL, STATUS, DISCLOSED_AT, CREDIT);

  /** A repository security advisory on GitHub, whose last path segment is its GHSA ID. */
  private static final Pattern GITHUB_ADVISORY = Pattern.compile(
      "/[^/]+/[^/]+/security/advisories/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})/?");

  /** The case's CVSS vector and the score of the whole vector (R5, {@code cvssScore}), which may be missing. */
  record Cvss(String version, String vector, Double score) {}

  Advisory {
    Objects.requireNonNull(cveId, "an advisory needs the case's CVE ID");
    affectedComponents = List.copyOf(affectedComponents);
    releaseVersions = List.copyOf(releaseVersions);
    fixPullRequests = List.copyOf(fixPullRequests);
  }

  /**
   * Throws {@link IllegalArgumentException} when the case has no CVE ID: check before.
   *
   * @param history when the case's disclosure began and when its advisory's variables last changed
   */
  static Advisory from(Map<String, Object> variables, Cases.Changes history) {
    String cveId = text(variables.get(CVE_ID));
    if (cveId == null) {
      throw new IllegalArgumentException("The case has no CVE ID");
    }
    return new Advisory(text(variables.get(CASE_ID)), cveId, text(variables.get(TITLE)),
        text(variables.get(IMPACT_DESCRIPTION)), severity(variables.get(SEVERITY)), cvss(variables),
        text(variables.get(AFFECTED_VERSIONS)), list(variables.get(AFFECTED_COMPONENTS), "[,\\n]"),
        releaseList(variables.get(RELEASE_VERSIONS)),
        list(variables.get(FIX_PULL_REQUESTS), "[\\s,]+").stream().flatMap(line -> url(line).stream()).toList(),
        text(variables.get(MITIGATIONS)), url(variables.get(RELEASE_NOTES_URL)).orElse(null),
        url(variables.get(TRACKING_ISSUE_URL)).orElse(null), url(variables.get(BINARIES_LOCATION)).orElse(null),
        url(variables.get(ADVISORY_URL)).orElse(null), history.disclosureBegan(), instant(variables.get(DISCLOSED_AT)),
        history.lastChanged(), text(variables.get(CREDIT)));
  }

  /**
   * The fixes an advisory may link to: those in the product's public repository
   * ({@code repository} and below, same host). A link into a private fork or anywhere else is
   * left out: an advisory is public, and the fix may have been developed in private (R11).
   */
  List<URI> publicFixes(URI repository) {
    String base = repository.normalize().getPath().replaceAll("/+$", "");
    return fixPullRequests.stream()
        .filter(url -> url.getHost() != null && url.getHost().equalsIgnoreCase(repository.getHost()))
        .filter(url -> url.getScheme().equalsIgnoreCase(repository.getScheme()))
        .filter(url -> {
          String path = url.normalize().getPath();
          return path.equals(base) || path.startsWith(base + "/");
        })
        .toList();
  }

  /** What the announcement says happened: the impact, or the title when no impact is described. */
  String description() {
    return impactDescription != null ? impactDescription : title != null ? title : cveId;
  }

  /**
   * When the case actually went public: when it entered PUBLIC_DISCLOSURE (the embargo ended,
   * the team publishes), or the announcement ({@code disclosedAt}) if that is on record
   * alone. Empty while the case is under embargo, whatever date is planned.
   */
  Optional<Instant> publishedAt() {
    return Stream.of(disclosureBegan, disclosedAt).filter(Objects::nonNull).min(Instant::compareTo);
  }

  boolean disclosed() {
    return publishedAt().isPresent();
  }

  /** When the advisory last changed: the latest change of its variables, and at least its publication. */
  Instant modified() {
    return Stream.of(lastChanged, publishedAt().orElse(null)).filter(Objects::nonNull).max(Instant::compareTo)
        .orElseThrow(() -> new IllegalStateException("an advisory's variables have a history"));
  }

  /** What to do: "Upgrade to v0.6.2 or v0.5.4.", with the release notes' URL; empty without fixed releases. */
  Optional<String> upgradeAdvice() {
    if (releaseVersions.isEmpty()) {
      return Optional.empty();
    }
    String advice = "Upgrade to " + String.join(" or ", releaseVersions) + ".";
    return Optional.of(releaseNotesUrl == null ? advice : advice + " Release notes: " + releaseNotesUrl);
  }

  /** The GHSA ID of the advisory, where the team published it on GitHub. */
  Optional<String> ghsaId() {
    if (advisoryUrl == null || !"github.com".equalsIgnoreCase(advisoryUrl.getHost())) {
      return Optional.empty();
    }
    Matcher ghsa = GITHUB_ADVISORY.matcher(advisoryUrl.getPath());
    return ghsa.matches() ? Optional.of(ghsa.group(1)) : Optional.empty();
  }

  List<Semver> fixedVersions() {
    return releaseVersions.stream().flatMap(version -> Versions.parse(version).stream()).toList();
  }

  /** True when every release version reads as a version. */
  boolean releaseVersionsReadable() {
    return fixedVersions().size() == releaseVersions.size();
  }

  /**
   * The affected versions as ranges, each cut by the fixed releases; empty when there is no
   * text or the text cannot be read as versions.
   */
  Optional<List<AffectedRange>> affectedRanges() {
    if (affectedVersions == null) {
      return Optional.empty();
    }
    List<Semver> fixes = fixedVersions();
    return AffectedRange.parse(affectedVersions)
        .map(ranges -> ranges.stream().flatMap(range -> range.cutBy(fixes).stream()).toList());
  }

  /** The fixed releases as the team lists them: comma, semicolon or line separated. */
  static List<String> releaseList(Object value) {
    return list(value, "[,;\\n]");
  }

  private static final CvssScorer CANONICAL = new CvssScorer();

  private static Cvss cvss(Map<String, Object> variables) {
    String vector = text(variables.get(CVSS_VECTOR));
    if (vector == null) {
      return null;
    }
    String version = text(variables.get(CVSS_VERSION));
    if (version == null && vector.startsWith("CVSS:") && vector.indexOf('/') > 5) {
      version = vector.substring(5, vector.indexOf('/'));
    }
    Double score = variables.get(CVSS_SCORE) instanceof Number number ? number.doubleValue() : null;
    try {
      // a case assessed before vectors were kept canonical is published in canonical form too
      CvssResult scored = CANONICAL.score(vector);
      return new Cvss(scored.version(), scored.vector(), score);
    } catch (InvalidCvssVectorException e) {
      return new Cvss(version, vector, score);
    }
  }

  private static Severity severity(Object value) {
    String name = text(value);
    return name == null ? null
        : Arrays.stream(Severity.values()).filter(severity -> severity.name().equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static List<String> list(Object value, String separators) {
    String text = text(value);
    return text == null ? List.of()
        : Stream.of(text.split(separators)).map(String::strip).filter(item -> !item.isEmpty()).distinct().toList();
  }

  /** An absolute http(s) URL, or nothing: a line of prose is no reference. */
  private static Optional<URI> url(Object value) {
    String text = text(value);
    if (text == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text);
      boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
      return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException notAUrl) {
      return Optional.empty();
    }
  }

  /** A date, or a plan date as the plan form keeps it (an ISO-8601 string with an offset). */
  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    try {
      return PlanDates.parse(value, "date");
    } catch (InvalidPlanException notADate) {
      return null;
    }
  }
}

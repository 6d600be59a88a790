package io.github.securityrelease.assessment;

import static io.github.securityrelease.assessment.InvalidCvssVectorException.WHOLE_VECTOR;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import us.springett.cvss.Cvss;
import us.springett.cvss.MalformedVectorException;

/** Scores a CVSS 3.0, 3.1 or 4.0 vector and rates it (R5); anything else is refused. */
@Component
public class CvssScorer {

  /** How the library names a bad value: "Invalid value for metric AV: X". */
  private static final Pattern BAD_VALUE = Pattern.compile("Invalid value for metric (\\w+): (.*)");

  /**
   * A scored vector: {@code version} is {@code "3.0"}, {@code "3.1"} or {@code "4.0"}; the base
   * score has one decimal, rounded as the specification does; {@code vector} is the vector as
   * given, trimmed.
   */
  public record CvssResult(String version, double baseScore, Severity severity, String vector) {}

  /** @throws InvalidCvssVectorException naming the metric at fault, or "vector" */
  public CvssResult score(String vector) {
    CvssVector parsed = CvssVector.parse(vector);
    // every value is checked, threat and environmental ones too
    library(parsed.text());
    // from the base metrics alone: the library's 4.0 score takes threat and environmental
    // metrics in (CVSS-BT/BTE), and R5 rates the base score
    double baseScore = library(parsed.baseVector()).calculateScore().getBaseScore();
    return new CvssResult(parsed.version().number(), baseScore, Severity.of(baseScore), parsed.text());
  }

  private static Cvss library(String vector) {
    try {
      return Cvss.fromVector(vector);
    } catch (MalformedVectorException ex) {
      Matcher badValue = BAD_VALUE.matcher(String.valueOf(ex.getMessage()));
      if (badValue.matches()) {
        throw new InvalidCvssVectorException(badValue.group(1),
            badValue.group(1) + ": '" + badValue.group(2) + "' is not a valid value", ex);
      }
      throw new InvalidCvssVectorException(WHOLE_VECTOR, "vector is not valid: " + ex.getMessage(), ex);
    } catch (RuntimeException ex) {
      // the input is a stranger's: whatever the library stumbles on is still a bad vector, not our failure
      throw new InvalidCvssVectorException(WHOLE_VECTOR, "vector cannot be read", ex);
    }
  }
}

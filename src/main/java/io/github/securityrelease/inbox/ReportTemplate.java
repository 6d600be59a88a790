package io.github.securityrelease.inbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings of the project's report template (vulnerability-report-template.md: {@code
 * **What happened**:} and so on) in a mail's text. Only a text with the "What happened" heading
 * is read by them; any other text is what happened, whole, so that nothing a reporter wrote is
 * lost to a line that merely looks like a heading. Beside the template's headings, a {@code
 * **Credit**:} heading says how the reporter wishes to be credited (R28; docs/advisories.md).
 */
final class ReportTemplate {

  enum Section { PREAMBLE, WHAT_HAPPENED, EXPECTED, HOW_TO_REPRODUCE, ANYTHING_ELSE, ENVIRONMENT, CREDIT }

  /** A heading, bold or not, with its colon; text may follow on the same line. */
  private static final Pattern HEADING = Pattern.compile(
      "^\\s*(?:#{1,6}\\s*)?\\**\\s*(what happened|what you expected to happen|how to reproduce[^*:]*|anything else[^*:]*"
          + "|environment|credit)\\s*\\**\\s*:\\s*\\**\\s*(.*)$", Pattern.CASE_INSENSITIVE);

  /** A line of the template's environment list: {@code - Kurator version: v0.6.0}. */
  private static final Pattern ENVIRONMENT_LINE = Pattern.compile(
      "^\\s*[-*]\\s*(kurator version|kubectl version|fluxcd version|others)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

  enum Environment { PRODUCT_VERSION, KUBECTL_VERSION, FLUXCD_VERSION, OTHERS }

  private ReportTemplate() {}

  /** The sections of {@code text}; empty when it has no "What happened" heading. */
  static Optional<Map<Section, String>> sections(String text) {
    Map<Section, StringBuilder> sections = new EnumMap<>(Section.class);
    Section current = Section.PREAMBLE;
    boolean whatHappened = false;
    for (String line : text.split("\n", -1)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        current = section(heading.group(1));
        whatHappened |= current == Section.WHAT_HAPPENED;
        line = heading.group(2);
      }
      sections.computeIfAbsent(current, any -> new StringBuilder()).append(line).append('\n');
    }
    if (!whatHappened) {
      return Optional.empty();
    }
    Map<Section, String> result = new EnumMap<>(Section.class);
    sections.forEach((section, lines) -> {
      String value = lines.toString().strip();
      if (!value.isEmpty()) {
        result.put(section, value);
      }
    });
    return Optional.of(result);
  }

  /** The template's environment list: the versions by name, every other line as "others". */
  static Map<Environment, String> environment(String section) {
    Map<Environment, String> values = new EnumMap<>(Environment.class);
    StringBuilder others = new StringBuilder();
    for (String line : section.split("\n")) {
      Matcher item = ENVIRONMENT_LINE.matcher(line);
      Environment name = item.matches() ? item(item.group(1)) : Environment.OTHERS;
      String value = item.matches() ? item.group(2).strip() : line.strip();
      if (name == Environment.OTHERS) {
        others.append(value).append('\n');
      } else if (!value.isEmpty()) {
        values.put(name, value);
      }
    }
    String rest = others.toString().strip();
    if (!rest.isEmpty()) {
      values.put(Environment.OTHERS, rest);
    }
    return values;
  }

  private static Section section(String heading) {
    String name = heading.toLowerCase(java.util.Locale.ROOT);
    if (name.startsWith("what happened")) {
      return Section.WHAT_HAPPENED;
    } else if (name.startsWith("what you expected")) {
      return Section.EXPECTED;
    } else if (name.startsWith("how to reproduce")) {
      return Section.HOW_TO_REPRODUCE;
    } else if (name.startsWith("anything else")) {
      return Section.ANYTHING_ELSE;
    } else if (name.equals("credit")) {
      return Section.CREDIT;
    }
    return Section.ENVIRONMENT;
  }

  private static Environment item(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "kurator version" -> Environment.PRODUCT_VERSION;
      case "kubectl version" -> Environment.KUBECTL_VERSION;
      case "fluxcd version" -> Environment.FLUXCD_VERSION;
      default -> Environment.OTHERS;
    };
  }
}

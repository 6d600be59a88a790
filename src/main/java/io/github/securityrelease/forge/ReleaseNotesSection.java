package io.github.securityrelease.forge;

/**
 * R18: a case's security section in a release's body, between markers that name its CVE ID.
 * The body the release has stays as it is; the section goes below it, or replaces the one a
 * first try wrote, so a retry leaves one section and never two.
 */
final class ReleaseNotesSection {

  private static final String END = "<!-- /security-release -->";

  private ReleaseNotesSection() {}

  static String into(String body, String cveId, String notes) {
    String start = "<!-- security-release " + cveId + " -->";
    // the notes end no section early, whatever text of the case they carry
    String section = start + "\n" + notes.strip().replace(END, "") + "\n" + END;
    String existing = body == null ? "" : body;
    int from = existing.indexOf(start);
    int to = from < 0 ? -1 : existing.indexOf(END, from);
    if (to >= 0) {
      return existing.substring(0, from) + section + existing.substring(to + END.length());
    }
    return existing.isBlank() ? section : existing.stripTrailing() + "\n\n" + section;
  }
}

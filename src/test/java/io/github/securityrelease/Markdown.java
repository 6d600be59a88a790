package io.github.securityrelease;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What DocsTest needs of a GitHub Markdown file: its headings and their anchors, its links,
 * its first table. Fenced code blocks are left out, as GitHub renders no heading or link in them.
 */
record Markdown(String text, List<String> prose) {

  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  /** [text](target) and ![alt](target), with an optional "title"; the text may hold code spans. */
  private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]`]|`[^`]*`)*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  record Link(int line, String target) {}

  static Markdown read(Path file) {
    String text = DocsTest.read(file);
    List<String> prose = new ArrayList<>();
    boolean fenced = false;
    for (String line : text.split("\n", -1)) {
      if (FENCE.matcher(line).matches()) {
        fenced = !fenced;
        prose.add("");
      } else {
        prose.add(fenced ? "" : line);
      }
    }
    return new Markdown(text, prose);
  }

  /** The text of each heading of {@code level}, in order. */
  List<String> headings(int level) {
    List<String> headings = new ArrayList<>();
    for (String line : prose) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches() && heading.group(1).length() == level) {
        headings.add(heading.group(2));
      }
    }
    return headings;
  }

  /** The anchors GitHub gives the headings; a repeated one gets -1, -2, ... */
  Set<String> anchors() {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(2));
        int times = seen.merge(slug, 1, Integer::sum);
        anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
      }
    }
    return anchors;
  }

  /** GitHub's slug: lower case, punctuation dropped but '-' and '_', each space a '-'. */
  static String slug(String heading) {
    String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
  }

  List<Link> links() {
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < prose.size(); i++) {
      for (String target : linkTargets(prose.get(i))) {
        links.add(new Link(i + 1, target));
      }
    }
    return links;
  }

  static List<String> linkTargets(String line) {
    List<String> targets = new ArrayList<>();
    Matcher link = LINK.matcher(line);
    while (link.find()) {
      targets.add(link.group(1));
    }
    return targets;
  }

  /** The first table's rows, each a list of trimmed cells; the header first, the |---| line left out. */
  List<List<String>> table() {
    List<List<String>> rows = new ArrayList<>();
    for (String line : prose) {
      if (line.startsWith("|")) {
        if (!line.matches("\\|[\\s:|-]+")) {
          rows.add(cells(line));
        }
      } else if (!rows.isEmpty()) {
        break;
      }
    }
    return rows;
  }

  private static List<String> cells(String row) {
    String inner = row.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
    return List.of(inner.split("(?<!\\\\)\\|", -1)).stream().map(String::strip).toList();
  }
}

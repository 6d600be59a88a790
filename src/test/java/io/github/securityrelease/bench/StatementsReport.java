package io.github.securityrelease.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The statements section of results.md: per case by kind, the ratio, and where the extra goes. */
final class StatementsReport {

  private final List<Map<String, Long>> service;
  private final List<Map<String, Long>> floor;
  private final Map<String, Double> servicePerCase;
  private final Map<String, Double> floorPerCase;
  private final int cases;
  private final double target;

  StatementsReport(List<Map<String, Long>> service, List<Map<String, Long>> floor, int cases, double target) {
    this.service = service;
    this.floor = floor;
    this.servicePerCase = mean(service);
    this.floorPerCase = mean(floor);
    this.cases = cases;
    this.target = target;
  }

  String markdown() {
    return "## 1. SQL statements per case (StatementsPerCaseBench)\n\n"
        + "One case from the API report to its announcement (acknowledge, validate, fix, review, impact, CVE,"
        + " plan, advance and release notices, three cherry-picks, build, disclosure, three publish tasks,"
        + " announce), tasks completed through the engine REST API as Tasklist does (claim, submit-form), timers"
        + " fired by moving the engine clock, one distributor, mail to GreenMail. The floor: the same walk on `"
        + EngineSkeleton.KEY + "`, the model with no-op delegates and no listeners or forms, on the same engine,"
        + " history level (full) and H2 database. Statements of every thread, counted with datasource-proxy;"
        + " the benchmark's own look-ups (which task, which job) not counted. " + cases
        + " cases each after one warm-up, alternating; figures are per case (mean; min-max of the total).\n\n"
        + kinds() + verdict() + sources() + explanation();
  }

  private double ratio() {
    return total(servicePerCase) / total(floorPerCase);
  }

  private String kinds() {
    StringBuilder md = new StringBuilder("| kind | service | floor | service/floor |\n|---|---:|---:|---:|\n");
    for (String kind : StatementCounter.KINDS) {
      double s = byKind(servicePerCase, kind);
      double f = byKind(floorPerCase, kind);
      md.append("| ").append(kind).append(" | ").append(Stats.fmt(s)).append(" | ").append(Stats.fmt(f)).append(" | ")
          .append(f == 0 ? "-" : String.format("%.2f", s / f)).append(" |\n");
    }
    return md.append("| **total** | **").append(Stats.fmt(total(servicePerCase))).append("** (").append(range(service))
        .append(") | **").append(Stats.fmt(total(floorPerCase))).append("** (").append(range(floor)).append(") | **")
        .append(String.format("%.2f", ratio())).append("** |\n\n").toString();
  }

  private String verdict() {
    return "**Target: at most " + target + "x. Figure: " + String.format("%.2f", ratio()) + "x. "
        + (ratio() <= target ? "Met." : "Not met.") + "**\n\n";
  }

  private String sources() {
    StringBuilder md = new StringBuilder("Where the service's extra statements go, per case (service minus floor,"
        + " by kind and first table):\n\n| source | service | floor | extra |\n|---|---:|---:|---:|\n");
    allSources().stream().sorted(Comparator.comparingDouble(this::extra).reversed()).limit(15)
        .forEach(source -> md.append("| `").append(source).append("` | ")
            .append(Stats.fmt(servicePerCase.getOrDefault(source, 0.0))).append(" | ")
            .append(Stats.fmt(floorPerCase.getOrDefault(source, 0.0))).append(" | ")
            .append(Stats.fmt(extra(source))).append(" |\n"));
    return md.toString();
  }

  private String explanation() {
    double own = allSources().stream().filter(source -> !source.contains(" ACT_")).mapToDouble(this::extra).sum();
    List<String> variableTables = List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY");
    double variables = allSources().stream()
        .filter(source -> variableTables.contains(source.substring(source.indexOf(' ') + 1)))
        .mapToDouble(this::extra).sum();
    return "\nOf the " + Stats.fmt(total(servicePerCase) - total(floorPerCase)) + " extra statements, "
        + Stats.fmt(variables) + " are variables (the service keeps more of them on a case: status, CVSS and"
        + " severity, plan and notice dates, who did what; each change is a runtime row, a history row and, at"
        + " history level full, a detail row; JSON and long texts a byte array besides) and " + Stats.fmt(own)
        + " are the service's own tables (case number, notification ledger, distributors). Both sides pay the same"
        + " REST authentication and authorization checks per request. Counts, not times: the machine's load does"
        + " not change them.\n";
  }

  private Set<String> allSources() {
    Set<String> sources = new LinkedHashSet<>(servicePerCase.keySet());
    sources.addAll(floorPerCase.keySet());
    return sources;
  }

  private double extra(String source) {
    return servicePerCase.getOrDefault(source, 0.0) - floorPerCase.getOrDefault(source, 0.0);
  }

  private static Map<String, Double> mean(List<Map<String, Long>> cases) {
    Map<String, Double> sums = new LinkedHashMap<>();
    cases.forEach(counts -> counts.forEach((source, count) -> sums.merge(source, (double) count, Double::sum)));
    sums.replaceAll((source, sum) -> sum / cases.size());
    return sums;
  }

  private static double total(Map<String, Double> perCase) {
    return perCase.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private static double byKind(Map<String, Double> perCase, String kind) {
    return perCase.entrySet().stream().filter(e -> StatementCounter.kind(e.getKey()).equals(kind))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  private static String range(List<Map<String, Long>> cases) {
    Stats totals = Stats.of(cases.stream().map(c -> c.values().stream().mapToLong(Long::longValue).sum()).toList());
    return Stats.fmt(totals.min()) + "-" + Stats.fmt(totals.max());
  }
}

package io.github.securityrelease.bench;

import java.util.Collection;

/** Order statistics of a sample: the median and the spread of noisy timings. */
public record Stats(int count, double min, double p50, double p90, double p99, double max) {

  public static Stats of(Collection<? extends Number> sample) {
    double[] values = sample.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    if (values.length == 0) {
      throw new IllegalArgumentException("no sample");
    }
    return new Stats(values.length, values[0], percentile(values, 50), percentile(values, 90),
        percentile(values, 99), values[values.length - 1]);
  }

  /** Nearest-rank percentile of sorted {@code values}. */
  static double percentile(double[] values, double percent) {
    int rank = (int) Math.ceil(percent / 100 * values.length);
    return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
  }

  /** The spread around the median, (max - min) / median, in percent. */
  public double spreadPercent() {
    return p50 == 0 ? 0 : (max - min) / p50 * 100;
  }

  @Override
  public String toString() {
    return "n=" + count + " min " + fmt(min) + " p50 " + fmt(p50) + " p90 " + fmt(p90) + " p99 " + fmt(p99)
        + " max " + fmt(max);
  }

  public static String fmt(double value) {
    return value >= 100 ? String.format("%.0f", value) : value >= 10 ? String.format("%.1f", value)
        : String.format("%.2f", value);
  }
}

package io.tributary.benchmarks.emitters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rates of one workload with and without lineage, round by round, and their summary. */
final class Comparison {
  private final String workload;
  private final Map<String, List<double[]>> byPart = new LinkedHashMap<>();

  Comparison(String workload) {
    this.workload = workload;
  }

  void add(int round, Map<String, Double> without, Map<String, Double> with) {
    for (var e : without.entrySet()) {
      double w = with.get(e.getKey());
      byPart
          .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
          .add(new double[] {e.getValue(), w});
      System.out.printf(
          Locale.ROOT,
          "  %s %s round %d: without %,.0f rec/s, with %,.0f rec/s, ratio %.3f%n",
          workload,
          e.getKey(),
          round,
          e.getValue(),
          w,
          w / e.getValue());
    }
  }

  void print(PrintStream out) {
    for (var e : byPart.entrySet()) {
      List<double[]> rounds = e.getValue();
      double without = median(rounds.stream().mapToDouble(r -> r[0]).toArray());
      double with = median(rounds.stream().mapToDouble(r -> r[1]).toArray());
      double ratio = median(rounds.stream().mapToDouble(r -> r[1] / r[0]).toArray());
      double lo = rounds.stream().mapToDouble(r -> r[1] / r[0]).min().orElse(Double.NaN);
      double hi = rounds.stream().mapToDouble(r -> r[1] / r[0]).max().orElse(Double.NaN);
      out.printf(
          Locale.ROOT,
          "%s %s: median without %,.0f rec/s, with %,.0f rec/s; with/without median %.3f"
              + " (rounds %.3f..%.3f)%n",
          workload,
          e.getKey(),
          without,
          with,
          ratio,
          lo,
          hi);
    }
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}

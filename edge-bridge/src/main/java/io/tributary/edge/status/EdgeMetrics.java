package io.tributary.edge.status;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * The bridge's meters, written in Prometheus' text format. A gateway has little memory to spare, so
 * this is a map of counters and gauges rather than a metrics library.
 */
public final class EdgeMetrics {
  private record Key(String name, String labels) {}

  private final Map<Key, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<Key, DoubleSupplier> gauges = new ConcurrentHashMap<>();
  private final Map<String, String> help = new ConcurrentHashMap<>();

  /**
   * A counter, created on first use.
   *
   * @param name the meter's name without {@code _total}
   * @param labels label text such as {@code reason="not_json"}, or empty
   */
  public LongAdder counter(String name, String description, String labels) {
    help.putIfAbsent(name + "_total", description);
    return counters.computeIfAbsent(
        new Key(name + "_total", Objects.requireNonNull(labels)), k -> new LongAdder());
  }

  public void gauge(String name, String description, DoubleSupplier value) {
    help.putIfAbsent(name, description);
    gauges.put(new Key(name, ""), value);
  }

  /** The value of a counter, 0 when it was never used. */
  public long count(String name, String labels) {
    LongAdder adder = counters.get(new Key(name + "_total", labels));
    return adder == null ? 0 : adder.sum();
  }

  /** Every meter in Prometheus' text exposition format. */
  public String scrape() {
    Map<String, StringBuilder> byName = new TreeMap<>();
    counters.forEach((k, v) -> line(byName, k, "counter").append(format(k, v.sum())));
    gauges.forEach((k, v) -> line(byName, k, "gauge").append(format(k, v.getAsDouble())));
    StringBuilder out = new StringBuilder();
    byName.values().forEach(out::append);
    return out.toString();
  }

  private StringBuilder line(Map<String, StringBuilder> byName, Key key, String type) {
    return byName.computeIfAbsent(
        key.name(),
        n ->
            new StringBuilder()
                .append("# HELP ")
                .append(n)
                .append(' ')
                .append(help.getOrDefault(n, n))
                .append("\n# TYPE ")
                .append(n)
                .append(' ')
                .append(type)
                .append('\n'));
  }

  private static String format(Key key, double value) {
    String labels = key.labels().isEmpty() ? "" : "{" + key.labels() + "}";
    String number =
        value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    return key.name() + labels + " " + number + "\n";
  }
}

package io.tributary.benchmarks.catalog;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's threads, grouped by what they do: where a figure's time goes. Garbage
 * collection and JIT threads are not Java threads and are not counted.
 */
final class ThreadCpu {
  /** Thread name prefixes and what such threads do. */
  private static final List<Map.Entry<String, String>> GROUPS =
      List.of(
          Map.entry("grizzly-http-server", "request threads"),
          Map.entry("grizzly-nio-kernel", "HTTP selectors"),
          Map.entry("tributary-group-committer", "catalog writer"),
          Map.entry("tributary-ingest-ack", "acknowledgements"),
          Map.entry("HttpClient", "clients"),
          Map.entry("pool-", "clients"));

  private ThreadCpu() {}

  /** Nanoseconds of CPU per group, for threads alive now. */
  static Map<String, Long> byGroup() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new TreeMap<>();
    for (long id : mx.getAllThreadIds()) {
      ThreadInfo info = mx.getThreadInfo(id);
      long cpu = mx.getThreadCpuTime(id);
      if (info == null || cpu < 0) {
        continue;
      }
      String group = "other";
      for (Map.Entry<String, String> g : GROUPS) {
        if (info.getThreadName().startsWith(g.getKey())) {
          group = g.getValue();
          break;
        }
      }
      out.merge(group + " #" + id, cpu, Long::sum);
    }
    return out;
  }

  /**
   * Milliseconds of CPU per event by group between two readings; a thread that started between them
   * counts from zero.
   */
  static String perEvent(Map<String, Long> before, Map<String, Long> after, int events) {
    Map<String, Double> groups = new TreeMap<>();
    double total = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      double ms = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e6 / events;
      groups.merge(e.getKey().substring(0, e.getKey().indexOf(" #")), ms, Double::sum);
      total += ms;
    }
    StringBuilder out = new StringBuilder();
    groups.forEach((g, ms) -> out.append(String.format("%s %.3f, ", g, ms)));
    return out.append(String.format("total %.3f", total)).toString();
  }
}

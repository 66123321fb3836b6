package io.tributary.benchmarks.emitters;

import java.util.Map;

/** One workload run with or without lineage; each run reports one or more rates in records/s. */
interface Workload {
  String name();

  /**
   * @param lineage the {@code openlineage.*} keys, or null for a run without Tributary
   * @param run a number unique to this run, for fresh topics, groups and job names
   * @return records per second by measured part ({@code producer}, {@code consumer}, ...)
   */
  Map<String, Double> run(Map<String, String> lineage, int run) throws Exception;
}

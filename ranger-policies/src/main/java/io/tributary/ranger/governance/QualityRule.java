package io.tributary.ranger.governance;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A data-quality check over OpenLineage's quality facets of the datasets in its scope.
 *
 * @param dataset a dataset qualifiedName, or null
 * @param namespace a Ranger namespace, or null
 * @param classification datasets carrying it, or null; at most one of the three, none for all
 * @param metric what is checked
 * @param column the column of {@code nullRatio} and {@code distinctCount}
 * @param min the least value that passes, or null
 * @param max the largest value that passes, or null
 * @param maxAge for {@code freshness}: the longest silence that passes
 */
public record QualityRule(
    String id,
    String dataset,
    String namespace,
    String classification,
    Metric metric,
    String column,
    Double min,
    Double max,
    Duration maxAge) {
  /** What a rule measures. */
  public enum Metric {
    /** Rows of the latest output statistics, else of the quality metrics facet. */
    ROW_COUNT,
    /** {@code nullCount / rowCount} of a column (dataQualityMetrics). */
    NULL_RATIO,
    /** {@code distinctCount} of a column (dataQualityMetrics). */
    DISTINCT_COUNT,
    /** Passed assertions among all (dataQualityAssertions). */
    ASSERTION_SUCCESS,
    /** No output for longer than {@code maxAge}: checked on a timer. */
    FRESHNESS;

    public static Metric parse(String text) {
      return switch (text.replace("_", "").toLowerCase(Locale.ROOT)) {
        case "rowcount" -> ROW_COUNT;
        case "nullratio" -> NULL_RATIO;
        case "distinctcount" -> DISTINCT_COUNT;
        case "assertionsuccess" -> ASSERTION_SUCCESS;
        case "freshness" -> FRESHNESS;
        default ->
            throw new IllegalArgumentException(
                "metric '"
                    + text
                    + "' is unknown: rowCount, nullRatio, distinctCount, assertionSuccess or"
                    + " freshness");
      };
    }

    public String jsonName() {
      String lower = name().toLowerCase(Locale.ROOT);
      int cut = lower.indexOf('_');
      return cut < 0
          ? lower
          : lower.substring(0, cut)
              + Character.toUpperCase(lower.charAt(cut + 1))
              + lower.substring(cut + 2);
    }
  }

  public QualityRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(metric, "metric");
    int scopes =
        (dataset == null ? 0 : 1) + (namespace == null ? 0 : 1) + (classification == null ? 0 : 1);
    if (scopes > 1) {
      throw new IllegalArgumentException(
          "a quality rule names at most one of dataset, namespace, classification");
    }
    boolean perColumn = metric == Metric.NULL_RATIO || metric == Metric.DISTINCT_COUNT;
    if (perColumn && (column == null || column.isBlank())) {
      throw new IllegalArgumentException("metric " + metric.jsonName() + " needs a 'column'");
    }
    if (metric == Metric.FRESHNESS) {
      if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException("freshness needs a positive 'maxAge'");
      }
    } else if (min == null && max == null) {
      throw new IllegalArgumentException("metric " + metric.jsonName() + " needs 'min' or 'max'");
    }
  }
}

package io.tributary.ranger.governance;

import java.time.Instant;

/**
 * One evaluation of a rule on a dataset.
 *
 * @param value what was measured (seconds of silence for freshness), or null when no facet carried
 *     it
 */
public record QualityResult(
    String rule,
    String datasetGuid,
    String dataset,
    boolean passed,
    Double value,
    String detail,
    Instant time) {}

package io.tributary.search.insights;

import io.tributary.catalog.Entity;
import java.time.Instant;
import java.util.List;

/**
 * One notable fact.
 *
 * @param kind what sort of fact: {@code job_failed}, {@code stream_silent}, {@code schema_change},
 *     {@code pii_unclassified}, {@code no_consumer}, {@code no_producer}, {@code quality_failed}
 * @param text the fact in a sentence
 * @param links the entities the sentence names, in order
 * @param time when it happened, when known
 */
public record Insight(String kind, String text, List<Entity> links, Instant time) {
  public Insight {
    links = List.copyOf(links);
  }
}

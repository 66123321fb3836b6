package io.tributary.search;

import io.tributary.config.ConfigDef;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;
import java.time.Duration;

/** The configuration keys of the search index. */
public final class SearchSettings {
  public static final Setting<Boolean> ENABLED =
      Setting.of(
          "search.enabled",
          ValueType.bool(),
          true,
          "Keep a Lucene search index in `data.dir/search-index`, fed by the change feed, for"
              + " `GET /api/v1/search` (keyword, semantic and hybrid modes), `/api/v1/ask` and"
              + " the insights. When off, search is the catalog's name-prefix search and the"
              + " ingest path does no indexing work.");

  public static final Setting<Boolean> EMBEDDINGS =
      Setting.of(
          "search.embeddings",
          ValueType.bool(),
          true,
          "Embed each indexed entity with the bundled all-MiniLM-L6-v2 sentence model (quantized,"
              + " run in process, on the indexer's thread) for semantic search. When off, the"
              + " semantic mode answers with keyword results.");

  public static final Setting<Duration> COMMIT_INTERVAL =
      Setting.of(
          "search.commit-interval",
          ValueType.duration(Duration.ofMillis(10), Duration.ofMinutes(10)),
          Duration.ofSeconds(5),
          "How often the index makes its changes durable (with the last change-feed sequence"
              + " applied). Changes are searchable sooner: after each indexed batch.");

  public static final Setting<Duration> SILENCE_DEFAULT_INTERVAL =
      Setting.of(
          "search.insights.default-interval",
          ValueType.duration(Duration.ofSeconds(1), Duration.ofDays(1)),
          Duration.ofMinutes(1),
          "The reporting interval assumed for a running job whose interval has not been observed"
              + " yet; a stream is reported silent after 3 intervals without an event.");

  public static final ConfigDef ALL =
      ConfigDef.of(ENABLED, EMBEDDINGS, COMMIT_INTERVAL, SILENCE_DEFAULT_INTERVAL);

  private SearchSettings() {}
}

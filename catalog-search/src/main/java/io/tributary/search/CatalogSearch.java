package io.tributary.search;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.search.embed.Embedder;
import io.tributary.search.embed.MiniLmEmbedder;
import io.tributary.search.index.EntityReader;
import io.tributary.search.index.HybridSearch;
import io.tributary.search.index.Indexer;
import io.tributary.search.index.SearchIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The search engine of one server: its index in the data directory, the indexer that keeps it
 * current from the catalog's change feed, and the searches, questions, summaries and insights built
 * on it.
 */
public final class CatalogSearch implements AutoCloseable {
  /** Where the index lives, under the data directory. */
  public static final String DIRECTORY = "search-index";

  private static final String MODEL = "all-minilm-l6-v2-q";

  private final SearchIndex index;
  private final Indexer indexer;
  private final HybridSearch search;
  private final Embedder embedder;

  private CatalogSearch(
      SearchIndex index, Indexer indexer, HybridSearch search, Embedder embedder) {
    this.index = index;
    this.indexer = indexer;
    this.search = search;
    this.embedder = embedder;
  }

  /** What {@link #start} needs besides the catalog. */
  public record Options(Path dataDir, boolean embeddings, Duration commitInterval, Clock clock) {
    public Options {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(commitInterval, "commitInterval");
      Objects.requireNonNull(clock, "clock");
    }

    public static Options of(Path dataDir) {
      return new Options(dataDir, true, Duration.ofSeconds(5), Clock.systemUTC());
    }

    public Options withEmbeddings(boolean on) {
      return new Options(dataDir, on, commitInterval, clock);
    }
  }

  /** Opens the index and starts keeping it current; returns at once (catching up runs behind). */
  public static CatalogSearch start(Catalog catalog, TypeRegistry types, Options options) {
    Embedder embedder = options.embeddings() ? new MiniLmEmbedder() : Embedder.none();
    SearchIndex index = SearchIndex.open(options.dataDir().resolve(DIRECTORY));
    try {
      Indexer indexer =
          Indexer.start(
              catalog,
              index,
              new EntityReader(catalog, types),
              embedder,
              options.embeddings() ? MODEL : "none",
              options.commitInterval(),
              options.clock());
      return new CatalogSearch(
          index, indexer, new HybridSearch(index, embedder, catalog), embedder);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  public HybridSearch search() {
    return search;
  }

  public Indexer indexer() {
    return indexer;
  }

  public SearchIndex index() {
    return index;
  }

  public Embedder embedder() {
    return embedder;
  }

  @Override
  public void close() {
    indexer.close();
    index.close();
  }
}

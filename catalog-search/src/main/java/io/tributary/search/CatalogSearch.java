package io.tributary.search;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.search.ask.Questions;
import io.tributary.search.embed.Embedder;
import io.tributary.search.embed.MiniLmEmbedder;
import io.tributary.search.index.EntityReader;
import io.tributary.search.index.HybridSearch;
import io.tributary.search.index.Indexer;
import io.tributary.search.index.SearchIndex;
import io.tributary.search.insights.Insights;
import io.tributary.search.insights.ReportingIntervals;
import io.tributary.search.insights.RunStates;
import io.tributary.search.summary.Summarizer;
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
  private final ReportingIntervals intervals;
  private final RunStates runs;
  private final Insights insights;
  private final Summarizer summarizer;
  private final Questions questions;

  private CatalogSearch(
      SearchIndex index,
      Indexer indexer,
      HybridSearch search,
      Embedder embedder,
      ReportingIntervals intervals,
      RunStates runs,
      Insights insights,
      Summarizer summarizer,
      Questions questions) {
    this.index = index;
    this.indexer = indexer;
    this.search = search;
    this.embedder = embedder;
    this.intervals = intervals;
    this.runs = runs;
    this.insights = insights;
    this.summarizer = summarizer;
    this.questions = questions;
  }

  /** What {@link #start} needs besides the catalog. */
  /**
   * What {@link #start} needs besides the catalog.
   *
   * @param defaultInterval the reporting interval assumed for a run not yet observed twice
   */
  public record Options(
      Path dataDir,
      boolean embeddings,
      Duration commitInterval,
      Duration defaultInterval,
      Clock clock) {
    public Options {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(commitInterval, "commitInterval");
      Objects.requireNonNull(defaultInterval, "defaultInterval");
      Objects.requireNonNull(clock, "clock");
    }

    public static Options of(Path dataDir) {
      return new Options(
          dataDir, true, Duration.ofSeconds(5), Duration.ofMinutes(1), Clock.systemUTC());
    }

    public Options withEmbeddings(boolean on) {
      return new Options(dataDir, on, commitInterval, defaultInterval, clock);
    }

    public Options withClock(Clock c) {
      return new Options(dataDir, embeddings, commitInterval, defaultInterval, c);
    }

    public Options withCommitInterval(Duration d) {
      return new Options(dataDir, embeddings, d, defaultInterval, clock);
    }

    public Options withDefaultInterval(Duration d) {
      return new Options(dataDir, embeddings, commitInterval, d, clock);
    }
  }

  /** Opens the index and starts keeping it current; returns at once (catching up runs behind). */
  public static CatalogSearch start(Catalog catalog, TypeRegistry types, Options options) {
    Embedder embedder = options.embeddings() ? new MiniLmEmbedder() : Embedder.none();
    SearchIndex index = SearchIndex.open(options.dataDir().resolve(DIRECTORY));
    ReportingIntervals intervals = ReportingIntervals.observe(catalog.changes());
    RunStates runs = RunStates.observe(catalog);
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
      HybridSearch search = new HybridSearch(index, embedder, catalog);
      Insights insights =
          new Insights(
              catalog, types, index, intervals, runs, options.defaultInterval(), options.clock());
      Summarizer summarizer = new Summarizer(catalog, types, intervals, options.clock());
      return new CatalogSearch(
          index,
          indexer,
          search,
          embedder,
          intervals,
          runs,
          insights,
          summarizer,
          new Questions(catalog, types, index, search, insights, summarizer, options.clock()));
    } catch (RuntimeException e) {
      runs.close();
      intervals.close();
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

  public Questions questions() {
    return questions;
  }

  public Summarizer summarizer() {
    return summarizer;
  }

  public Insights insights() {
    return insights;
  }

  @Override
  public void close() {
    runs.close();
    intervals.close();
    indexer.close();
    index.close();
  }
}

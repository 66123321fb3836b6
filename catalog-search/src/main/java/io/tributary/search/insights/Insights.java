package io.tributary.search.insights;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import io.tributary.search.index.EntityKind;
import io.tributary.search.index.Fields;
import io.tributary.search.index.Hit;
import io.tributary.search.index.IndexFilter;
import io.tributary.search.index.SearchIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Computes the insights a caller may see: every entity named is read through the catalog with the
 * caller's visibility, and a fact about an entity the caller may not see is left out.
 */
public final class Insights {
  private static final int SCAN = 1000;
  private static final int SHOWN_PER_KIND = 10;
  private static final Duration RECENT = Duration.ofDays(1);

  private final Catalog catalog;
  private final SearchIndex index;
  private final ReportingIntervals intervals;
  private final RunStates runs;
  private final Duration defaultInterval;
  private final Clock clock;
  private final io.tributary.catalog.types.TypeRegistry types;

  public Insights(
      Catalog catalog,
      io.tributary.catalog.types.TypeRegistry types,
      SearchIndex index,
      ReportingIntervals intervals,
      RunStates runs,
      Duration defaultInterval,
      Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.types = Objects.requireNonNull(types, "types");
    this.index = Objects.requireNonNull(index, "index");
    this.intervals = Objects.requireNonNull(intervals, "intervals");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.defaultInterval = Objects.requireNonNull(defaultInterval, "defaultInterval");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A job with a run. */
  public record JobRun(Entity job, Entity run) {}

  /** A stream that stopped reporting: its last event is older than 3 reporting intervals. */
  public record Silence(Entity job, Entity run, Duration interval, Instant lastSeen) {}

  public List<Insight> list(Visibility read, Visibility lineage) {
    Instant now = clock.instant();
    List<Insight> out = new ArrayList<>();
    for (JobRun f : failedJobs(now.minus(RECENT), read)) {
      String error = Runs.error(f.run());
      out.add(
          new Insight(
              "job_failed",
              "Job "
                  + name(f.job())
                  + " failed "
                  + Ago.since(Runs.lastSeen(f.run()), now)
                  + (error == null ? "." : ": " + error),
              List.of(f.job()),
              Runs.lastSeen(f.run())));
    }
    for (Silence s : silent(read)) {
      out.add(
          new Insight(
              "stream_silent",
              "Stream job "
                  + name(s.job())
                  + " stopped reporting: last event "
                  + Ago.since(s.lastSeen(), now)
                  + ", usually every ~"
                  + Ago.duration(s.interval())
                  + ".",
              List.of(s.job()),
              s.lastSeen()));
    }
    for (ReportingIntervals.SchemaChange c : intervals.schemaChanges()) {
      Optional<Entity> dataset = catalog.get(c.dataset(), read);
      if (dataset.isPresent() && c.time().isAfter(now.minus(RECENT))) {
        String column = c.columnName();
        String field = column.substring(column.lastIndexOf('.') + 1);
        out.add(
            new Insight(
                "schema_change",
                name(dataset.get())
                    + " gained the field "
                    + field
                    + " "
                    + Ago.since(c.time(), now)
                    + ".",
                List.of(dataset.get()),
                c.time()));
      }
    }
    out.addAll(piiUnclassified(read, lineage));
    out.addAll(orphans(read, Fields.CONSUMERS, "no_consumer", "has no consumer"));
    out.addAll(orphans(read, Fields.PRODUCERS, "no_producer", "has no producer"));
    for (Entity d : qualityFailures(read)) {
      out.add(
          new Insight(
              "quality_failed",
              name(d)
                  + " failed "
                  + d.attributes().getOrDefault("assertionsFailed", "some")
                  + " data-quality check(s).",
              List.of(d),
              d.updateTime()));
    }
    return out;
  }

  /** Jobs whose latest run failed at or after {@code since} (any time when null). */
  public List<JobRun> failedJobs(Instant since, Visibility visibility) {
    Map<String, JobRun> byJob = new LinkedHashMap<>();
    for (RunStates.Run failed : runs.inState(Set.of("FAIL"))) {
      if (since != null && failed.lastSeen().isBefore(since)) {
        continue;
      }
      Guid guid = failed.guid();
      Optional<Entity> run = catalog.get(guid, visibility);
      if (run.isEmpty() || (since != null && Runs.lastSeen(run.get()).isBefore(since))) {
        continue;
      }
      Optional<Entity> job = job(run.get(), visibility);
      if (job.isEmpty()) {
        continue;
      }
      Optional<Entity> latest = Runs.latest(catalog, job.get(), visibility);
      if (latest.isPresent() && latest.get().guid().equals(guid)) {
        byJob.putIfAbsent(job.get().qualifiedName(), new JobRun(job.get(), run.get()));
      }
    }
    List<JobRun> out = new ArrayList<>(byJob.values());
    out.sort(Comparator.comparing((JobRun r) -> r.job().qualifiedName()));
    return out;
  }

  /**
   * Jobs whose latest run is active but silent for more than 3 reporting intervals. Only the runs
   * silent by their last-seen time as {@link RunStates} keeps it are read.
   */
  public List<Silence> silent(Visibility visibility) {
    Instant now = clock.instant();
    List<Silence> out = new ArrayList<>();
    Set<String> jobs = new TreeSet<>();
    for (RunStates.Run active : runs.inState(Set.of("RUNNING", "START"))) {
      Guid guid = active.guid();
      Duration interval = intervals.interval(guid).orElse(defaultInterval);
      Duration limit = interval.multipliedBy(3);
      if (Duration.between(active.lastSeen(), now).compareTo(limit) <= 0) {
        continue;
      }
      Optional<Entity> run = catalog.get(guid, visibility);
      if (run.isEmpty() || !Runs.active(run.get())) {
        continue;
      }
      Instant last = Runs.lastSeen(run.get());
      if (Duration.between(last, now).compareTo(limit) <= 0) {
        continue;
      }
      Optional<Entity> job = job(run.get(), visibility);
      if (job.isEmpty() || jobs.contains(job.get().qualifiedName())) {
        continue;
      }
      Optional<Entity> latest = Runs.latest(catalog, job.get(), visibility);
      if (latest.isPresent() && latest.get().guid().equals(guid)) {
        jobs.add(job.get().qualifiedName());
        out.add(new Silence(job.get(), run.get(), interval, last));
      }
    }
    out.sort(Comparator.comparing((Silence s) -> s.job().qualifiedName()));
    return out;
  }

  /** Datasets whose last quality checks failed. */
  public List<Entity> qualityFailures(Visibility visibility) {
    return visible(
        index.query(
            IntPoint.newRangeQuery(Fields.QUALITY_FAILURES, 1, Integer.MAX_VALUE),
            IndexFilter.kind(EntityKind.DATASET),
            SCAN),
        visibility);
  }

  /** The job of a run, if the caller may see it. */
  public Optional<Entity> job(Entity run, Visibility visibility) {
    String qualifiedName = Runs.jobQualifiedName(run);
    if (qualifiedName == null) {
      return Optional.empty();
    }
    BooleanQuery q =
        new BooleanQuery.Builder()
            .add(
                new TermQuery(new Term(Fields.QUALIFIED_NAME, qualifiedName)),
                BooleanClause.Occur.MUST)
            .build();
    List<Hit> hits =
        index.query(q, new IndexFilter(run.tenant(), Set.of(), null, EntityKind.PROCESS), 1);
    return hits.isEmpty() ? Optional.empty() : catalog.get(hits.get(0).entity().guid(), visibility);
  }

  private static boolean isStateStoreChangelog(Entity dataset) {
    String name = dataset.name() == null ? dataset.qualifiedName() : dataset.name();
    return Types.KAFKA_TOPIC.equals(dataset.typeName()) && name.endsWith("-changelog");
  }

  private List<Insight> orphans(Visibility visibility, String field, String kind, String phrase) {
    List<Entity> found =
        visible(
            index.query(
                IntPoint.newExactQuery(field, 0), IndexFilter.kind(EntityKind.DATASET), SCAN),
            visibility);
    List<Insight> out = new ArrayList<>();
    List<Entity> sorted = new ArrayList<>(found);
    if (field.equals(Fields.CONSUMERS)) {
      // A Kafka Streams state store's changelog is read only to restore the store: no consumer
      // is its normal state, not a finding.
      sorted.removeIf(Insights::isStateStoreChangelog);
    }
    sorted.sort(Comparator.comparing(Entity::qualifiedName));
    for (Entity d : sorted.subList(0, Math.min(SHOWN_PER_KIND, sorted.size()))) {
      out.add(
          new Insight(kind, typeWord(d) + " " + name(d) + " " + phrase + ".", List.of(d), null));
    }
    if (sorted.size() > SHOWN_PER_KIND) {
      out.add(
          new Insight(
              kind,
              (sorted.size() - SHOWN_PER_KIND)
                  + " more datasets "
                  + phrase.replace("has", "have")
                  + ".",
              List.of(),
              null));
    }
    return out;
  }

  /** Datasets downstream of PII that carry no PII classification, nor any PII field. */
  private List<Insight> piiUnclassified(Visibility read, Visibility lineage) {
    Map<String, Entity> sources = new LinkedHashMap<>();
    for (Hit h :
        index.query(
            new TermQuery(new Term(Fields.CLASSIFICATION, "PII")), IndexFilter.none(), SCAN)) {
      Optional<Entity> source = Optional.empty();
      if (h.entity().kind() == EntityKind.DATASET) {
        source = catalog.get(h.entity().guid(), read);
      } else if (h.entity().kind() == EntityKind.COLUMN && h.entity().dataset() != null) {
        source = datasetByName(h.entity().tenant(), h.entity().dataset(), read);
      }
      source.ifPresent(s -> sources.putIfAbsent(s.qualifiedName() + s.tenant(), s));
    }
    Map<String, Insight> out = new LinkedHashMap<>();
    Map<String, Boolean> pii = new HashMap<>();
    for (Entity source : sources.values()) {
      LineageGraph graph =
          catalog.lineage(
              new LineageQuery(source.guid(), Direction.DOWNSTREAM, 3, LineageLevel.DATASET),
              lineage);
      List<Entity> reached = new ArrayList<>(graph.entities().values());
      reached.sort(Comparator.comparing(Entity::qualifiedName));
      for (Entity e : reached) {
        if (e.guid().equals(source.guid())
            || EntityKind.of(e.typeName(), types) != EntityKind.DATASET) {
          continue;
        }
        boolean classified =
            pii.computeIfAbsent(
                e.guid().value(), g -> e.classifications().contains("PII") || hasPiiField(e));
        if (!classified && !out.containsKey(e.guid().value())) {
          out.put(
              e.guid().value(),
              new Insight(
                  "pii_unclassified",
                  "PII from "
                      + name(source)
                      + " reaches "
                      + name(e)
                      + ", which is not classified PII.",
                  List.of(source, e),
                  null));
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private boolean hasPiiField(Entity dataset) {
    BooleanQuery q =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.CLASSIFICATION, "PII")), BooleanClause.Occur.MUST)
            .add(
                new TermQuery(new Term(Fields.DATASET, dataset.qualifiedName())),
                BooleanClause.Occur.MUST)
            .build();
    return !index
        .query(q, new IndexFilter(dataset.tenant(), Set.of(), null, EntityKind.COLUMN), 1)
        .isEmpty();
  }

  private Optional<Entity> datasetByName(TenantId tenant, String qualifiedName, Visibility v) {
    List<Hit> hits =
        index.query(
            new TermQuery(new Term(Fields.QUALIFIED_NAME, qualifiedName)),
            new IndexFilter(tenant, Set.of(), null, EntityKind.DATASET),
            1);
    return hits.isEmpty() ? Optional.empty() : catalog.get(hits.get(0).entity().guid(), v);
  }

  private List<Entity> visible(List<Hit> hits, Visibility visibility) {
    List<Entity> out = new ArrayList<>();
    for (Hit h : hits) {
      catalog.get(h.entity().guid(), visibility).ifPresent(out::add);
    }
    return out;
  }

  static String name(Entity e) {
    return e.name() == null ? e.qualifiedName() : e.name();
  }

  private static String typeWord(Entity e) {
    return switch (e.typeName()) {
      case Types.KAFKA_TOPIC, Types.PULSAR_TOPIC, Types.MQTT_TOPIC -> "Topic";
      case Types.KINESIS_STREAM -> "Stream";
      default -> "Dataset";
    };
  }
}

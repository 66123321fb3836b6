package io.tributary.search.summary;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.search.index.EntityKind;
import io.tributary.search.insights.Ago;
import io.tributary.search.insights.ReportingIntervals;
import io.tributary.search.insights.Runs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a dataset's or job's description from what the catalog knows, such as "Written every ~5 s
 * by Flink job order-enricher; read by 2 jobs; 12 fields, 2 classified PII; last write 3 s ago."
 * Only entities the caller may see are read, counted or named.
 */
public final class Summarizer {
  private final Catalog catalog;
  private final TypeRegistry types;
  private final ReportingIntervals intervals;
  private final Clock clock;

  public Summarizer(
      Catalog catalog, TypeRegistry types, ReportingIntervals intervals, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.types = Objects.requireNonNull(types, "types");
    this.intervals = Objects.requireNonNull(intervals, "intervals");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The summary of an entity the caller may see; empty when it may not (or it does not exist). */
  public Optional<Summary> summarize(io.tributary.catalog.Guid guid, Visibility visibility) {
    return catalog.get(guid, visibility).map(e -> summarize(e, visibility));
  }

  private Summary summarize(Entity e, Visibility visibility) {
    return switch (EntityKind.of(e.typeName(), types)) {
      case DATASET -> dataset(e, visibility);
      case PROCESS -> job(e, visibility);
      default -> other(e);
    };
  }

  private Summary dataset(Entity d, Visibility v) {
    Instant now = clock.instant();
    List<Entity> writers =
        sorted(catalog.related(d.guid(), Types.REL_OUTPUTS, Direction.UPSTREAM, v));
    List<Entity> readers =
        sorted(catalog.related(d.guid(), Types.REL_INPUTS, Direction.DOWNSTREAM, v));
    List<Entity> columns = catalog.related(d.guid(), Types.REL_COLUMNS, Direction.DOWNSTREAM, v);
    long pii = columns.stream().filter(c -> c.classifications().contains("PII")).count();
    Map<String, Object> facts = new LinkedHashMap<>();
    List<String> parts = new ArrayList<>();
    Optional<Duration> every = intervals.interval(d.guid());
    if (writers.isEmpty()) {
      parts.add("No known writer");
    } else {
      parts.add(
          "Written"
              + every.map(i -> " every ~" + Ago.duration(i)).orElse("")
              + " by "
              + jobs(writers));
    }
    parts.add(readers.isEmpty() ? "no known reader" : "read by " + count(readers.size(), "job"));
    if (!columns.isEmpty()) {
      parts.add(count(columns.size(), "field") + (pii > 0 ? ", " + pii + " classified PII" : ""));
    }
    if (!d.classifications().isEmpty()) {
      parts.add("classified " + String.join(", ", new java.util.TreeSet<>(d.classifications())));
    }
    if (d.attributes().get("assertionsFailed") instanceof Number failed) {
      Object passed = d.attributes().getOrDefault("assertionsPassed", 0);
      parts.add(
          failed.intValue() > 0
              ? failed + " data-quality check(s) failing"
              : passed + " data-quality check(s) passing");
      facts.put("qualityFailures", failed.intValue());
    }
    if (d.attributes().get("rowCount") instanceof Number rows) {
      parts.add(rows + " rows");
      facts.put("rowCount", rows.longValue());
    } else if (d.attributes().get("outputRowCount") instanceof Number rows) {
      parts.add(rows + " rows in the last write");
      facts.put("rowCount", rows.longValue());
    }
    owners(d).ifPresent(o -> parts.add("owned by " + o));
    if (d.updateTime() != null) {
      parts.add("last write " + Ago.since(d.updateTime(), now));
      facts.put("lastWrite", d.updateTime().toString());
    }
    facts.put("writers", writers.size());
    facts.put("readers", readers.size());
    facts.put("fields", columns.size());
    facts.put("piiFields", pii);
    every.ifPresent(i -> facts.put("intervalMillis", i.toMillis()));
    List<Entity> related = new ArrayList<>(writers);
    related.addAll(readers);
    return new Summary(d, sentence(parts), facts, related, description(d));
  }

  private Summary job(Entity j, Visibility v) {
    Instant now = clock.instant();
    List<Entity> inputs =
        sorted(catalog.related(j.guid(), Types.REL_INPUTS, Direction.UPSTREAM, v));
    List<Entity> outputs =
        sorted(catalog.related(j.guid(), Types.REL_OUTPUTS, Direction.DOWNSTREAM, v));
    Map<String, Object> facts = new LinkedHashMap<>();
    List<String> parts = new ArrayList<>();
    String engine = engine(j);
    parts.add(
        engine
            + " "
            + (inputs.isEmpty() ? "reading nothing known" : "reading " + names(inputs))
            + (outputs.isEmpty() ? "" : " and writing " + names(outputs)));
    Optional<Entity> run = Runs.latest(catalog, j, v);
    run.ifPresent(
        r -> {
          Instant last = Runs.lastSeen(r);
          String state = Runs.state(r).toLowerCase(java.util.Locale.ROOT);
          Optional<Duration> every = intervals.interval(r.guid());
          parts.add(
              "latest run "
                  + state
                  + every.map(i -> ", reporting every ~" + Ago.duration(i)).orElse("")
                  + ", last event "
                  + Ago.since(last, now));
          String error = Runs.error(r);
          if (error != null) {
            parts.add("last error: " + error);
          }
          facts.put("runState", Runs.state(r));
          facts.put("lastEvent", last.toString());
        });
    owners(j).ifPresent(o -> parts.add("owned by " + o));
    facts.put("inputs", inputs.size());
    facts.put("outputs", outputs.size());
    List<Entity> related = new ArrayList<>(inputs);
    related.addAll(outputs);
    return new Summary(j, sentence(parts), facts, related, description(j));
  }

  private Summary other(Entity e) {
    String text =
        e.typeName().replace('_', ' ')
            + " "
            + (e.name() == null ? e.qualifiedName() : e.name())
            + (e.classifications().isEmpty()
                ? ""
                : ", classified " + String.join(", ", new java.util.TreeSet<>(e.classifications())))
            + ".";
    return new Summary(e, capitalised(text), Map.of(), List.of(), description(e));
  }

  private String jobs(List<Entity> writers) {
    if (writers.size() == 1) {
      Entity w = writers.get(0);
      return engine(w) + " " + name(w);
    }
    if (writers.size() <= 3) {
      return "jobs " + names(writers);
    }
    return count(writers.size(), "job");
  }

  private static String engine(Entity job) {
    return switch (job.typeName()) {
      case Types.FLINK_APPLICATION, Types.FLINK_PROCESS -> "Flink job";
      case Types.KAFKA_STREAMS_APPLICATION -> "Kafka Streams application";
      default -> "job";
    };
  }

  private static Optional<String> owners(Entity e) {
    if (e.attributes().get("owners") instanceof Collection<?> c && !c.isEmpty()) {
      List<String> names = c.stream().map(String::valueOf).sorted().toList();
      return Optional.of(String.join(", ", names));
    }
    return Optional.empty();
  }

  private static String description(Entity e) {
    return e.attributes().get("description") instanceof String s && !s.isBlank() ? s : null;
  }

  private static List<Entity> sorted(List<Entity> entities) {
    List<Entity> out = new ArrayList<>(entities);
    out.sort(Comparator.comparing(Summarizer::name).thenComparing(Entity::qualifiedName));
    return out;
  }

  private static String names(List<Entity> entities) {
    List<String> names = entities.stream().map(Summarizer::name).toList();
    if (names.size() > 3) {
      return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }
    return String.join(", ", names);
  }

  static String name(Entity e) {
    return e.name() == null ? e.qualifiedName() : e.name();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String sentence(List<String> parts) {
    return capitalised(String.join("; ", parts)) + ".";
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

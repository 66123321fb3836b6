package io.tributary.search.ask;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.catalog.ImpactEntry;
import io.tributary.catalog.LineageEdge;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineagePath;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.search.index.EntityKind;
import io.tributary.search.index.Fields;
import io.tributary.search.index.Hit;
import io.tributary.search.index.HybridSearch;
import io.tributary.search.index.IndexFilter;
import io.tributary.search.index.Ranked;
import io.tributary.search.index.SearchIndex;
import io.tributary.search.index.SearchMode;
import io.tributary.search.insights.Ago;
import io.tributary.search.insights.Insights;
import io.tributary.search.insights.Runs;
import io.tributary.search.summary.Summarizer;
import io.tributary.search.summary.Summary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

/** Answers questions in English over the catalog, as the caller may see it. */
public final class Questions {
  private static final int DEPTH = 5;
  private static final int PATH_DEPTH = 20;
  private static final int LISTED = 5;
  private static final int MAX_RESULTS = 100;

  private final Catalog catalog;
  private final TypeRegistry types;
  private final SearchIndex index;
  private final HybridSearch search;
  private final Insights insights;
  private final Summarizer summarizer;
  private final QuestionParser parser;
  private final EntityResolver resolver;
  private final Clock clock;

  public Questions(
      Catalog catalog,
      TypeRegistry types,
      SearchIndex index,
      HybridSearch search,
      Insights insights,
      Summarizer summarizer,
      Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.types = Objects.requireNonNull(types, "types");
    this.index = Objects.requireNonNull(index, "index");
    this.search = Objects.requireNonNull(search, "search");
    this.insights = Objects.requireNonNull(insights, "insights");
    this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.parser = new QuestionParser(clock);
    this.resolver = new EntityResolver(index, catalog);
  }

  /** The intent a question is understood as, without running it: for tests and tools. */
  public Intent intentOf(String question) {
    return parser.parse(question).intent();
  }

  /**
   * Answers a question.
   *
   * @param read what the caller may read
   * @param lineage what the caller may walk in lineage (entities it may not are redacted)
   */
  public Answer ask(String question, Visibility read, Visibility lineage) {
    return ask(question, read, lineage, tenant -> read instanceof Visibility.Everything);
  }

  /**
   * Answers a question.
   *
   * @param read what the caller may read
   * @param lineage what the caller may walk in lineage (entities it may not are redacted)
   * @param wholeTenant the tenants whose every entity the caller may read: counts of those come
   *     from the catalog's maintained counts (as {@code /api/v1/stats}), others are counted by
   *     reading them
   */
  public Answer ask(
      String question, Visibility read, Visibility lineage, Predicate<TenantId> wholeTenant) {
    ParsedQuestion q = parser.parse(Objects.requireNonNull(question, "question"));
    Context c = new Context(q, read, lineage, Objects.requireNonNull(wholeTenant, "wholeTenant"));
    return switch (q.intent()) {
      case UPSTREAM, DOWNSTREAM -> c.lineage();
      case IMPACT -> c.impact();
      case PATH -> c.path();
      case OWNERS -> c.owners();
      case CLASSIFICATION -> c.classification();
      case QUALITY -> c.quality();
      case LAST_RUN -> c.lastRun();
      case FAILED_RUNS -> c.failedRuns();
      case SILENT -> c.silent();
      case COUNT -> c.count();
      case SCHEMA -> c.schema();
      case DESCRIBE -> c.describe();
      case SEARCH -> c.search(null);
    };
  }

  /** One question being answered. */
  private final class Context {
    private final ParsedQuestion q;
    private final Visibility read;
    private final Visibility lineage;
    private final Predicate<TenantId> wholeTenant;
    private final Set<String> typeNames;

    Context(
        ParsedQuestion q, Visibility read, Visibility lineage, Predicate<TenantId> wholeTenant) {
      this.q = q;
      this.read = read;
      this.lineage = lineage;
      this.wholeTenant = wholeTenant;
      Set<String> all = new TreeSet<>();
      for (String t : q.types()) {
        if (types.hasEntityType(t)) {
          all.addAll(types.withSubtypes(t));
        }
      }
      this.typeNames = all;
    }

    // ---- entity resolution ----

    /** The one entity the question names, or an answer that says why there is none. */
    private Object entity(boolean field) {
      List<Resolution> ambiguous = new ArrayList<>();
      for (String span : spansToTry()) {
        Resolution r = resolver.resolve(span, IndexFilter.none(), field, read);
        if (r.ambiguous() && !typeNames.isEmpty()) {
          List<Entity> typed =
              r.candidates().stream().filter(e -> typeNames.contains(e.typeName())).toList();
          if (typed.size() == 1) {
            return typed.get(0);
          }
        }
        if (r.resolved()) {
          return r.entity();
        }
        if (r.ambiguous()) {
          ambiguous.add(r);
        }
      }
      if (!ambiguous.isEmpty()) {
        Resolution r = ambiguous.get(0);
        return answer(
            List.of(),
            "\""
                + r.phrase()
                + "\" could mean "
                + r.candidates().size()
                + " entities: "
                + names(r.candidates(), LISTED)
                + ". Which one?",
            List.of(),
            null,
            "resolve(\"" + r.phrase() + "\")",
            r.candidates());
      }
      return null;
    }

    /** The spans, and all of them joined (a name split by a stop word: "orders in prod"). */
    private List<String> spansToTry() {
      java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
      if (q.spans().size() > 1) {
        out.add(String.join(" ", q.spans()));
      }
      out.addAll(q.spans());
      // A plain word next to a name ("inventory.levels pass"): try the name alone, then shorter.
      for (String span : q.spans()) {
        String[] words = span.split(" ");
        for (String w : words) {
          if (QuestionParser.isIdentifier(w)) {
            out.add(w);
          }
        }
        if (words.length > 1) {
          out.add(String.join(" ", java.util.Arrays.asList(words).subList(0, words.length - 1)));
          out.add(String.join(" ", java.util.Arrays.asList(words).subList(1, words.length)));
        }
      }
      return new ArrayList<>(out);
    }

    private Answer notFound() {
      if (q.spans().isEmpty()) {
        return search("I could not tell which entity the question is about.");
      }
      return search(
          "I found no entity named \"" + String.join(" ", q.spans()) + "\" that you may see.");
    }

    // ---- intents ----

    Answer lineage() {
      boolean up = q.intent() == Intent.UPSTREAM;
      Direction direction = up ? Direction.UPSTREAM : Direction.DOWNSTREAM;
      Object found = entity(q.fieldSpan());
      if (found instanceof Entity e && !q.fieldSpan() && bothWays()) {
        return lineageBothWays(e);
      }
      List<Entity> starts = new ArrayList<>();
      if (found instanceof Answer a) {
        if (!q.fieldSpan()) {
          return a;
        }
        starts.addAll(a.candidates());
      } else if (found instanceof Entity e) {
        starts.add(e);
      } else {
        return notFound();
      }
      LineageLevel level =
          Types.COLUMN.equals(starts.get(0).typeName())
              ? LineageLevel.COLUMN
              : LineageLevel.DATASET;
      GraphBuilder graph = new GraphBuilder();
      for (Entity start : starts) {
        graph.add(
            catalog.lineage(new LineageQuery(start.guid(), direction, DEPTH, level), lineage));
      }
      List<Entity> results = graph.reached(starts, typeNames);
      String subject = starts.size() == 1 ? label(starts.get(0)) : names(starts, LISTED);
      String text;
      if (results.isEmpty()) {
        text = "Nothing " + (up ? "upstream" : "downstream") + " of " + subject + " is known.";
      } else if (level == LineageLevel.COLUMN) {
        text =
            subject
                + (up ? " comes from " : " flows to ")
                + names(
                    results.stream().filter(e -> Types.COLUMN.equals(e.typeName())).toList(),
                    LISTED)
                + ".";
      } else {
        List<Entity> direct = graph.neighbours(starts, up);
        List<Entity> far = graph.ends(starts, up);
        boolean processStart = EntityKind.of(starts.get(0).typeName(), types) == EntityKind.PROCESS;
        if (processStart) {
          text = subject + (up ? " reads " : " writes ") + names(direct, LISTED) + ".";
        } else {
          text = subject + (up ? " is written by " : " is read by ") + names(direct, LISTED);
          far.removeAll(direct);
          far.removeAll(starts);
          text +=
              far.isEmpty()
                  ? "."
                  : (up ? "; its sources are " : "; downstream it reaches ")
                      + names(far, LISTED)
                      + ".";
        }
      }
      return answer(
          starts,
          text,
          results,
          graph.build(),
          "lineage(guid="
              + guids(starts)
              + ", direction="
              + direction
              + ", depth="
              + DEPTH
              + ", level="
              + level
              + ")",
          List.of());
    }

    /** "the lineage of X" with no direction: where X comes from and where it goes. */
    private boolean bothWays() {
      List<String> words = QuestionParser.tokens(q.text()).stream().map(Token::lemma).toList();
      return words.contains("lineage")
          && !words.contains("upstream")
          && !words.contains("downstream")
          && !words.contains("source")
          && !words.contains("consumer");
    }

    private Answer lineageBothWays(Entity start) {
      GraphBuilder graph = new GraphBuilder();
      List<Entity> starts = List.of(start);
      for (Direction d : List.of(Direction.UPSTREAM, Direction.DOWNSTREAM)) {
        graph.add(
            catalog.lineage(
                new LineageQuery(start.guid(), d, DEPTH, LineageLevel.DATASET), lineage));
      }
      List<Entity> writers = graph.neighbours(starts, true);
      List<Entity> readers = graph.neighbours(starts, false);
      boolean process = kind(start) == EntityKind.PROCESS;
      String text =
          label(start)
              + (writers.isEmpty()
                  ? (process ? " reads nothing known" : " has no known writer")
                  : (process ? " reads " : " is written by ") + names(writers, LISTED))
              + (readers.isEmpty()
                  ? (process ? " and writes nothing known." : " and no known reader.")
                  : (process ? " and writes " : " and read by ") + names(readers, LISTED) + ".");
      return answer(
          starts,
          text,
          graph.reached(starts, typeNames),
          graph.build(),
          "lineage(guid=" + start.guid() + ", direction=BOTH, depth=" + DEPTH + ", level=DATASET)",
          List.of());
    }

    Answer describe() {
      Object found = entity(false);
      if (found instanceof Answer a) {
        return a;
      }
      if (!(found instanceof Entity e)) {
        return search(null);
      }
      Optional<Summary> summary = summarizer.summarize(e.guid(), read);
      if (summary.isEmpty()) {
        return notFound();
      }
      Summary s = summary.get();
      String written = s.description() == null ? "" : s.description().strip();
      String text =
          written.isEmpty()
              ? s.text()
              : written + (written.matches(".*[.!?]$") ? " " : ". ") + s.text();
      List<Entity> results = new ArrayList<>();
      results.add(e);
      results.addAll(s.related());
      return answer(List.of(e), text, results, null, "summary(guid=" + e.guid() + ")", List.of());
    }

    Answer impact() {
      Object found = entity(q.fieldSpan());
      if (found instanceof Answer a) {
        return a;
      }
      if (!(found instanceof Entity e)) {
        return notFound();
      }
      List<ImpactEntry> entries = new ArrayList<>(catalog.impact(e.guid(), DEPTH, lineage));
      entries.sort(
          Comparator.comparingInt(ImpactEntry::distance)
              .thenComparing(x -> x.entity().qualifiedName()));
      List<Entity> results = entries.stream().map(ImpactEntry::entity).limit(MAX_RESULTS).toList();
      GraphBuilder graph = new GraphBuilder();
      graph.add(
          catalog.lineage(
              new LineageQuery(e.guid(), Direction.DOWNSTREAM, DEPTH, LineageLevel.DATASET),
              lineage));
      long jobs = results.stream().filter(x -> kind(x) == EntityKind.PROCESS).count();
      long datasets = results.stream().filter(x -> kind(x) == EntityKind.DATASET).count();
      String text =
          results.isEmpty()
              ? "Nothing known depends on " + label(e) + ": a change affects no other entity."
              : "A change to "
                  + label(e)
                  + " affects "
                  + counted(jobs, "job")
                  + " and "
                  + counted(datasets, "dataset")
                  + " downstream, nearest first: "
                  + names(results, LISTED)
                  + ".";
      return answer(
          List.of(e),
          text,
          results,
          graph.build(),
          "impact(guid=" + e.guid() + ", depth=" + DEPTH + ")",
          List.of());
    }

    Answer path() {
      List<String> spans = q.spans();
      if (spans.size() < 2) {
        return lineageInstead();
      }
      List<Entity> ends = new ArrayList<>();
      for (String span : List.of(spans.get(0), spans.get(spans.size() - 1))) {
        Resolution r = resolver.resolve(span, IndexFilter.none(), false, read);
        if (r.ambiguous()) {
          return answer(
              List.of(),
              "\"" + span + "\" could mean " + names(r.candidates(), LISTED) + ". Which one?",
              List.of(),
              null,
              "resolve(\"" + span + "\")",
              r.candidates());
        }
        if (!r.resolved()) {
          return search("I found no entity named \"" + span + "\" that you may see.");
        }
        ends.add(r.entity());
      }
      Entity from = ends.get(0);
      Entity to = ends.get(1);
      Optional<LineagePath> path = catalog.path(from.guid(), to.guid(), PATH_DEPTH, lineage);
      boolean reversed = false;
      if (path.isEmpty()) {
        path = catalog.path(to.guid(), from.guid(), PATH_DEPTH, lineage);
        reversed = path.isPresent();
      }
      String query =
          "path(from=" + from.guid() + ", to=" + to.guid() + ", maxDepth=" + PATH_DEPTH + ")";
      if (path.isEmpty()) {
        return answer(
            ends,
            "No data flows between " + label(from) + " and " + label(to) + " in either direction.",
            List.of(),
            null,
            query,
            List.of());
      }
      LineagePath p = path.get();
      List<String> steps = new ArrayList<>();
      Map<Guid, Entity> visible = new LinkedHashMap<>();
      p.visible().forEach(e -> visible.put(e.guid(), e));
      for (Guid g : p.guids()) {
        Entity e = visible.get(g);
        steps.add(e == null ? "(hidden)" : name(e));
      }
      Set<Guid> redacted = new HashSet<>(p.guids());
      redacted.removeAll(visible.keySet());
      String text =
          (reversed ? label(to) + " reaches " + label(from) : label(from) + " reaches " + label(to))
              + " in "
              + counted(p.guids().size() - 1, "step")
              + ": "
              + String.join(" → ", steps)
              + "."
              + (reversed ? " (The data flows the other way round.)" : "");
      return answer(
          ends,
          text,
          p.visible(),
          new Answer.Graph(p.visible(), p.edges(), redacted),
          query,
          List.of());
    }

    private Answer lineageInstead() {
      return new Context(
              new ParsedQuestion(
                  q.text(),
                  Intent.DOWNSTREAM,
                  q.spans(),
                  q.types(),
                  q.fieldSpan(),
                  q.since(),
                  q.classification()),
              read,
              lineage,
              wholeTenant)
          .lineage();
    }

    Answer owners() {
      Object found = entity(false);
      if (found instanceof Answer a) {
        return a;
      }
      if (found instanceof Entity e) {
        List<String> owners = ownersOf(e);
        String text =
            owners.isEmpty()
                ? "No owner is recorded for " + label(e) + "."
                : label(e) + " is owned by " + String.join(", ", owners) + ".";
        return answer(
            List.of(e), text, List.of(e), null, "get(guid=" + e.guid() + ").owners", List.of());
      }
      // "what does team-crm own": the span names an owner, not an entity.
      String owner = String.join(" ", q.spans()).toLowerCase(Locale.ROOT);
      if (owner.isBlank()) {
        return notFound();
      }
      List<Entity> owned = new ArrayList<>();
      for (Ranked r :
          search.search(owner, SearchMode.KEYWORD, IndexFilter.none(), read, MAX_RESULTS)) {
        if (ownersOf(r.entity()).stream()
            .anyMatch(o -> o.toLowerCase(Locale.ROOT).contains(owner))) {
          owned.add(r.entity());
        }
      }
      owned.sort(Comparator.comparing(Entity::qualifiedName));
      if (owned.isEmpty()) {
        return notFound();
      }
      return answer(
          List.of(),
          owner + " owns " + counted(owned.size(), "entity") + ": " + names(owned, LISTED) + ".",
          owned,
          null,
          "keyword(\"" + owner + "\") where owners contains \"" + owner + "\"",
          List.of());
    }

    Answer classification() {
      String classification = q.classification() == null ? "PII" : q.classification();
      Object found = q.spans().isEmpty() ? null : entity(false);
      if (found instanceof Entity e && kind(e) == EntityKind.DATASET) {
        List<Entity> fields =
            catalog.related(e.guid(), Types.REL_COLUMNS, Direction.DOWNSTREAM, read).stream()
                .filter(c -> c.classifications().contains(classification))
                .sorted(Comparator.comparing(Entity::qualifiedName))
                .toList();
        boolean whole = e.classifications().contains(classification);
        String text =
            label(e)
                + (whole
                    ? " is classified " + classification
                    : " is not classified " + classification)
                + (fields.isEmpty()
                    ? "; none of its fields is."
                    : "; its " + classification + " fields: " + names(fields, LISTED) + ".");
        return answer(
            List.of(e),
            text,
            fields,
            null,
            "related(guid="
                + e.guid()
                + ", "
                + Types.REL_COLUMNS
                + ") where classification="
                + classification,
            List.of());
      }
      List<Entity> results = classified(classification);
      String what = typeWord(results.size());
      String text =
          results.isEmpty()
              ? "No " + what + " you may see holds " + classification + "."
              : results.size()
                  + " "
                  + (results.size() == 1 ? singular() : what)
                  + (results.size() == 1 ? " holds " : " hold ")
                  + classification
                  + ": "
                  + names(results, LISTED)
                  + ".";
      return answer(
          List.of(),
          text,
          results,
          null,
          "index(classification="
              + classification
              + ", kind in [DATASET, COLUMN→dataset]"
              + typesText()
              + ")",
          List.of());
    }

    /** Datasets classified so, or with a field classified so, of the question's types. */
    private List<Entity> classified(String classification) {
      Map<Guid, Entity> out = new LinkedHashMap<>();
      for (Hit h :
          index.query(
              new TermQuery(new Term(Fields.CLASSIFICATION, classification)),
              IndexFilter.none(),
              1000)) {
        Optional<Entity> dataset = Optional.empty();
        if (h.entity().kind() == EntityKind.DATASET) {
          dataset = catalog.get(h.entity().guid(), read);
        } else if (h.entity().kind() == EntityKind.COLUMN && h.entity().dataset() != null) {
          dataset = datasetNamed(h.entity());
        }
        dataset
            .filter(d -> typeNames.isEmpty() || typeNames.contains(d.typeName()))
            .ifPresent(d -> out.putIfAbsent(d.guid(), d));
      }
      List<Entity> list = new ArrayList<>(out.values());
      list.sort(Comparator.comparing(Entity::qualifiedName).thenComparing(x -> x.guid().value()));
      return list;
    }

    private Optional<Entity> datasetNamed(io.tributary.search.index.IndexedEntity column) {
      List<Hit> hits =
          index.query(
              new TermQuery(new Term(Fields.QUALIFIED_NAME, column.dataset())),
              new IndexFilter(column.tenant(), Set.of(), null, EntityKind.DATASET),
              1);
      return hits.isEmpty() ? Optional.empty() : catalog.get(hits.get(0).entity().guid(), read);
    }

    Answer quality() {
      Object found = q.spans().isEmpty() ? null : entity(false);
      if (found instanceof Entity e) {
        Object failed = e.attributes().get("assertionsFailed");
        Object passed = e.attributes().get("assertionsPassed");
        String text =
            failed == null
                ? "No data-quality checks are recorded for " + label(e) + "."
                : label(e)
                    + ": "
                    + passed
                    + " check(s) passed, "
                    + failed
                    + " failed in the last run.";
        return answer(
            List.of(e), text, List.of(e), null, "get(guid=" + e.guid() + ").assertions", List.of());
      }
      List<Entity> failed = new ArrayList<>(insights.qualityFailures(read));
      failed.removeIf(d -> !typeNames.isEmpty() && !typeNames.contains(d.typeName()));
      failed.sort(Comparator.comparing(Entity::qualifiedName));
      String text =
          failed.isEmpty()
              ? "No dataset you may see failed its data-quality checks."
              : counted(failed.size(), "dataset")
                  + " failed data-quality checks: "
                  + names(failed, LISTED)
                  + ".";
      return answer(
          List.of(),
          text,
          failed,
          null,
          "index(assertionsFailed >= 1" + typesText() + ")",
          List.of());
    }

    Answer lastRun() {
      Object found = entity(false);
      if (found instanceof Answer a) {
        return a;
      }
      if (!(found instanceof Entity e)) {
        return notFound();
      }
      List<Entity> jobs =
          kind(e) == EntityKind.PROCESS
              ? List.of(e)
              : catalog.related(e.guid(), Types.REL_OUTPUTS, Direction.UPSTREAM, read);
      Instant now = clock.instant();
      List<String> parts = new ArrayList<>();
      List<Entity> results = new ArrayList<>();
      for (Entity job : sortedByName(jobs)) {
        Optional<Entity> run = Runs.latest(catalog, job, read);
        results.add(job);
        if (run.isEmpty()) {
          parts.add(label(job) + " has no recorded run");
          continue;
        }
        Entity r = run.get();
        parts.add(
            label(job)
                + " last reported "
                + Ago.since(Runs.lastSeen(r), now)
                + " ("
                + Runs.lastSeen(r)
                + "), run "
                + stateWord(Runs.state(r)));
      }
      String text =
          parts.isEmpty()
              ? "No job writes " + label(e) + ", so it has no runs."
              : String.join("; ", parts) + ".";
      return answer(
          List.of(e),
          text,
          results,
          null,
          "related(guid=" + e.guid() + ", " + Types.REL_RUNS + ") latest by lastSeen",
          List.of());
    }

    Answer failedRuns() {
      Instant since = q.since();
      List<Insights.JobRun> failed = new ArrayList<>(insights.failedJobs(since, read));
      Object found = q.spans().isEmpty() ? null : entity(false);
      List<Entity> named = found instanceof Entity e ? List.of(e) : List.of();
      if (!named.isEmpty()) {
        failed.removeIf(f -> !f.job().guid().equals(named.get(0).guid()));
      }
      List<Entity> jobs = failed.stream().map(Insights.JobRun::job).toList();
      String when = since == null ? "" : " since " + since;
      String text;
      if (jobs.isEmpty()) {
        text =
            named.isEmpty()
                ? "No job you may see failed" + when + "."
                : label(named.get(0)) + " did not fail" + when + ".";
      } else {
        List<String> parts = new ArrayList<>();
        for (Insights.JobRun f : failed.subList(0, Math.min(LISTED, failed.size()))) {
          String error = Runs.error(f.run());
          parts.add(name(f.job()) + (error == null ? "" : " (" + error + ")"));
        }
        text =
            counted(jobs.size(), "job")
                + " failed"
                + when
                + ": "
                + String.join(", ", parts)
                + (jobs.size() > LISTED ? " and " + (jobs.size() - LISTED) + " more" : "")
                + ".";
      }
      return answer(
          named,
          text,
          jobs,
          null,
          "runs(state=FAIL, latest per job" + (since == null ? "" : ", since=" + since) + ")",
          List.of());
    }

    Answer silent() {
      List<Insights.Silence> silent = insights.silent(read);
      Instant now = clock.instant();
      List<Entity> jobs = silent.stream().map(Insights.Silence::job).toList();
      String text;
      if (silent.isEmpty()) {
        text = "Every running stream you may see reported within 3 of its reporting intervals.";
      } else {
        List<String> parts = new ArrayList<>();
        for (Insights.Silence s : silent.subList(0, Math.min(LISTED, silent.size()))) {
          parts.add(
              name(s.job())
                  + " (last event "
                  + Ago.since(s.lastSeen(), now)
                  + ", usually every ~"
                  + Ago.duration(s.interval())
                  + ")");
        }
        text =
            counted(silent.size(), "stream")
                + " stopped reporting: "
                + String.join(", ", parts)
                + (silent.size() > LISTED ? " and " + (silent.size() - LISTED) + " more" : "")
                + ".";
      }
      return answer(
          List.of(),
          text,
          jobs,
          null,
          "runs(state in [START, RUNNING], lastSeen older than 3 × interval)",
          List.of());
    }

    Answer count() {
      if (q.classification() != null) {
        List<Entity> results = classified(q.classification());
        return answer(
            List.of(),
            "There "
                + (results.size() == 1 ? "is " : "are ")
                + counted(results.size(), singular())
                + " holding "
                + q.classification()
                + ".",
            results,
            null,
            "count(index(classification=" + q.classification() + typesText() + "))",
            List.of());
      }
      Set<String> counted = typeNames.isEmpty() ? countedByDefault() : typeNames;
      Map<String, Long> byType = catalog.countByType(wholeTenant, read);
      long total = 0;
      for (String t : counted) {
        total += byType.getOrDefault(t, 0L);
      }
      String noun = typeNames.isEmpty() ? "datasets and jobs" : pluralOf(q.types());
      return answer(
          List.of(),
          "There " + (total == 1 ? "is " : "are ") + total + " " + noun + " you may see.",
          List.of(),
          null,
          "countByType(types=" + counted + ")",
          List.of());
    }

    private Set<String> countedByDefault() {
      Set<String> all = new TreeSet<>(types.withSubtypes(Types.DATASET));
      all.addAll(types.withSubtypes(Types.PROCESS));
      all.remove(Types.COLUMN);
      all.remove(Types.COLUMN_LINEAGE);
      all.remove(Types.RUN);
      return all;
    }

    Answer schema() {
      Object found = q.fieldSpan() || q.spans().isEmpty() ? null : entity(false);
      if (found instanceof Entity e && kind(e) == EntityKind.DATASET) {
        List<Entity> columns =
            new ArrayList<>(
                catalog.related(e.guid(), Types.REL_COLUMNS, Direction.DOWNSTREAM, read));
        columns.sort(Comparator.comparing(Entity::qualifiedName));
        String text =
            columns.isEmpty()
                ? "No schema is recorded for " + label(e) + "."
                : label(e)
                    + " has "
                    + counted(columns.size(), "field")
                    + ": "
                    + names(columns, 12)
                    + ".";
        return answer(
            List.of(e),
            text,
            columns,
            null,
            "related(guid=" + e.guid() + ", " + Types.REL_COLUMNS + ")",
            List.of());
      }
      if (q.spans().isEmpty()) {
        return search(null);
      }
      String field = q.spans().get(q.spans().size() - 1);
      IndexFilter filter = new IndexFilter(null, typeNames, null, EntityKind.DATASET);
      List<Entity> results = new ArrayList<>();
      for (Hit h : resolver.withField(field, filter, MAX_RESULTS)) {
        catalog.get(h.entity().guid(), read).ifPresent(results::add);
      }
      results.sort(
          Comparator.comparing(Entity::qualifiedName).thenComparing(x -> x.guid().value()));
      String what = typeWord(results.size());
      String text =
          results.isEmpty()
              ? "No " + what + " you may see has a field like \"" + field + "\"."
              : counted(results.size(), singular())
                  + (results.size() == 1 ? " has" : " have")
                  + " a \""
                  + field
                  + "\" field: "
                  + names(results, LISTED)
                  + ".";
      return answer(
          List.of(),
          text,
          results,
          null,
          "index(field in " + EntityResolver.variants(field) + typesText() + ")",
          List.of());
    }

    Answer search(String preface) {
      IndexFilter filter = new IndexFilter(null, typeNames, null, null);
      String text = q.spans().isEmpty() ? q.text() : q.text();
      List<Entity> results =
          search.search(text, SearchMode.HYBRID, filter, read, 10).stream()
              .map(Ranked::entity)
              .limit(10)
              .toList();
      String answer =
          (preface == null ? "" : preface + " ")
              + (results.isEmpty()
                  ? "Nothing you may see matches \"" + q.text() + "\"."
                  : "Best matches: " + names(results, LISTED) + ".");
      return new Answer(
          q.text(),
          Intent.SEARCH,
          List.of(),
          answer,
          results,
          null,
          "hybrid(\"" + text + "\"" + typesText() + ")",
          List.of());
    }

    // ---- wording ----

    private Answer answer(
        List<Entity> entities,
        String text,
        List<Entity> results,
        Answer.Graph graph,
        String query,
        List<Entity> candidates) {
      return new Answer(q.text(), q.intent(), entities, text, results, graph, query, candidates);
    }

    private String typesText() {
      return typeNames.isEmpty() ? "" : ", types=" + typeNames;
    }

    private String singular() {
      String plural = typeWord(2);
      return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    private String typeWord(int n) {
      String p = typeNames.isEmpty() ? "datasets" : pluralOf(q.types());
      return p;
    }
  }

  private static String pluralOf(Set<String> typeNames) {
    if (typeNames.contains(Types.KAFKA_TOPIC) && typeNames.size() == 1) {
      return "Kafka topics";
    }
    if (typeNames.contains(Types.KAFKA_TOPIC)) {
      return "topics";
    }
    if (typeNames.contains(Types.FLINK_APPLICATION)) {
      return "Flink jobs";
    }
    if (typeNames.contains(Types.KAFKA_STREAMS_APPLICATION)) {
      return "Kafka Streams applications";
    }
    if (typeNames.contains(Types.PROCESS)) {
      return "jobs";
    }
    if (typeNames.contains(Types.KINESIS_STREAM)) {
      return "Kinesis streams";
    }
    if (typeNames.contains(Types.PULSAR_TOPIC)) {
      return "Pulsar topics";
    }
    if (typeNames.contains(Types.MQTT_TOPIC)) {
      return "MQTT topics";
    }
    return "datasets";
  }

  /** Collects lineage graphs into one answer graph. */
  private final class GraphBuilder {
    private final Map<Guid, Entity> nodes = new LinkedHashMap<>();
    private final Map<Guid, Integer> distance = new LinkedHashMap<>();
    private final Set<LineageEdge> edges = new java.util.LinkedHashSet<>();
    private final Set<Guid> redacted = new TreeSet<>(Comparator.comparing(Guid::value));

    void add(LineageGraph g) {
      nodes.putAll(g.entities());
      g.distances().forEach((k, v) -> distance.merge(k, v, Math::min));
      edges.addAll(g.edges());
      redacted.addAll(g.redacted());
    }

    /** Everything reached but the starts, nearest first, of the given types if any. */
    List<Entity> reached(List<Entity> starts, Set<String> typeNames) {
      Set<Guid> startGuids = new HashSet<>();
      starts.forEach(s -> startGuids.add(s.guid()));
      List<Entity> out = new ArrayList<>();
      for (Entity e : nodes.values()) {
        if (!startGuids.contains(e.guid())
            && (typeNames.isEmpty() || typeNames.contains(e.typeName()))) {
          out.add(e);
        }
      }
      out.sort(
          Comparator.comparingInt((Entity e) -> distance.getOrDefault(e.guid(), 99))
              .thenComparing(Entity::qualifiedName));
      return out.size() > MAX_RESULTS ? out.subList(0, MAX_RESULTS) : out;
    }

    /** The entities one edge away from the starts, against the flow (up) or with it. */
    List<Entity> neighbours(List<Entity> starts, boolean up) {
      Set<Guid> startGuids = new HashSet<>();
      starts.forEach(s -> startGuids.add(s.guid()));
      Set<Guid> near = new java.util.LinkedHashSet<>();
      for (LineageEdge e : edges) {
        if (up && startGuids.contains(e.to())) {
          near.add(e.from());
        } else if (!up && startGuids.contains(e.from())) {
          near.add(e.to());
        }
      }
      return sortedByName(near.stream().map(nodes::get).filter(Objects::nonNull).toList());
    }

    /** Datasets where the walk ends: sources upstream, sinks downstream. */
    List<Entity> ends(List<Entity> starts, boolean up) {
      Set<Guid> hasFurther = new HashSet<>();
      for (LineageEdge e : edges) {
        hasFurther.add(up ? e.to() : e.from());
      }
      List<Entity> out = new ArrayList<>();
      for (Entity n : nodes.values()) {
        if (!hasFurther.contains(n.guid()) && kind(n) == EntityKind.DATASET) {
          out.add(n);
        }
      }
      return new ArrayList<>(sortedByName(out));
    }

    Answer.Graph build() {
      List<Entity> list = new ArrayList<>(nodes.values());
      list.sort(Comparator.comparing(Entity::qualifiedName).thenComparing(e -> e.guid().value()));
      return new Answer.Graph(list, new ArrayList<>(edges), redacted);
    }
  }

  private EntityKind kind(Entity e) {
    return EntityKind.of(e.typeName(), types);
  }

  private static List<Entity> sortedByName(Collection<Entity> entities) {
    List<Entity> out = new ArrayList<>(entities);
    out.sort(Comparator.comparing(Questions::name).thenComparing(Entity::qualifiedName));
    return out;
  }

  private static List<String> ownersOf(Entity e) {
    if (e.attributes().get("owners") instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).sorted().toList();
    }
    return e.attributes().get("owner") instanceof String s ? List.of(s) : List.of();
  }

  static String name(Entity e) {
    if (Types.COLUMN.equals(e.typeName())
        && e.attributes().get("datasetQualifiedName") instanceof String d) {
      String dataset = d.contains("/") ? d.substring(d.lastIndexOf('/') + 1) : d;
      return dataset.replaceAll("@.*$", "") + "." + e.name();
    }
    return e.name() == null ? e.qualifiedName() : e.name();
  }

  private String label(Entity e) {
    String type =
        switch (e.typeName()) {
          case Types.KAFKA_TOPIC -> "topic ";
          case Types.FLINK_APPLICATION -> "Flink job ";
          case Types.KAFKA_STREAMS_APPLICATION -> "Kafka Streams application ";
          case Types.COLUMN -> "field ";
          default -> kind(e) == EntityKind.PROCESS ? "job " : "";
        };
    String text = type + name(e);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String names(List<Entity> entities, int max) {
    List<String> names = entities.stream().limit(max).map(Questions::name).toList();
    String out = String.join(", ", names);
    if (entities.size() > max) {
      out += " and " + (entities.size() - max) + " more";
    }
    return out;
  }

  private static String stateWord(String state) {
    return switch (state) {
      case "FAIL" -> "failed";
      case "COMPLETE" -> "completed";
      case "ABORT" -> "aborted";
      case "START" -> "started";
      default -> state.toLowerCase(Locale.ROOT);
    };
  }

  private static String guids(List<Entity> entities) {
    return entities.size() == 1
        ? entities.get(0).guid().value()
        : entities.stream().map(e -> e.guid().value()).toList().toString();
  }

  private static String counted(long n, String noun) {
    String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    return n + " " + (n == 1 ? noun : plural);
  }
}

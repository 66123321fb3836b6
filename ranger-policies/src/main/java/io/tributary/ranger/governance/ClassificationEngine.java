package io.tributary.ranger.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Dependents;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.ingest.MutationEnricher;
import io.tributary.ranger.tenancy.ClassificationRule;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Applies a tenant's classification rules to what an event writes, and propagates classifications
 * along column lineage: an output column inherits its inputs' classifications, with the path they
 * came by, unless the input reaches it only through a masking or an {@code INDIRECT} transformation
 * (a hash of an e-mail is not an e-mail; a filter on one copies no values).
 *
 * <p>At ingest ({@link #enrich}) it sees the event's own entities and, for the inputs of its column
 * lineage, what the catalog already holds. {@link #reevaluate} recomputes a whole tenant when its
 * rules change or lineage arrived out of order.
 *
 * <p>A streaming job re-reports the same schema every few seconds. An event whose rule inputs
 * (entities' names, field names and types, tags, distinct ratios when a rule asks for them, column
 * lineage) equal those of the last event over the same entities, under the same rules and with the
 * same held classifications of everything the evaluation read, is answered from that evaluation
 * without evaluating rules, parsing lineage or reading the catalog.
 */
public final class ClassificationEngine implements MutationEnricher, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = SearchQuery.MAX_LIMIT;
  private static final int KNOWN_MAX = 200_000;
  private static final int EVALUATED_MAX = 20_000;

  /** What the catalog holds of an entity's classifications, as last read or written here. */
  private record Known(Set<String> classifications, Map<String, ClassificationSource> recorded) {
    Map<String, ClassificationSource> sources() {
      Map<String, ClassificationSource> out = new LinkedHashMap<>();
      for (String name : classifications) {
        out.put(
            name,
            recorded.getOrDefault(
                name, new ClassificationSource(ClassificationSource.TAG, 1.0, null, null)));
      }
      return out;
    }
  }

  private final Function<TenantId, List<ClassificationRule>> rules;
  private final Catalog catalog;
  private final TypeRegistry types;
  private final Dependents dependents;
  private final Clock clock;
  private volatile boolean enabled = true;

  /**
   * Spares a catalog read per classified column of every event: an entry is dropped whenever the
   * change feed reports its entity updated or deleted by anyone (a manual change, a purge), so it
   * never outlives what it describes by more than the feed's delivery.
   */
  private final Map<EntityKey, Known> known = new ConcurrentHashMap<>();

  private final ChangeFeed.Subscription forgetting;

  /** What an event's evaluation read of the event itself, per entity it writes. */
  private record WriteInputs(
      EntityKey key,
      String name,
      Set<String> classifications,
      Object type,
      Object tags,
      Object datasetQualifiedName,
      Object metrics,
      Object lineageLevel,
      Object transformations,
      Object masking) {}

  /** A relationship between a column and a column lineage entry, as propagation reads it. */
  private record Link(String typeName, EntityKey from, EntityKey to) {}

  /**
   * The last evaluation of an event over the same entities: its inputs, the rules, the held state
   * of every entity it read (the very objects, left in {@link #known} as the evaluation left them),
   * and the classifications it gave each write.
   */
  private record Evaluated(
      List<WriteInputs> inputs,
      List<Link> links,
      List<ClassificationRule> rules,
      Map<EntityKey, Known> held,
      Map<EntityKey, Set<String>> classified) {}

  /**
   * What one evaluation read of the held state; incomplete when an entity was not in the catalog.
   */
  private static final class Reads {
    final Map<EntityKey, Known> held = new HashMap<>();
    boolean complete = true;
  }

  /**
   * Keyed by the entities an event writes, in order. Any change to a held entity (the change feed
   * drops it from {@link #known}, a write here replaces it) makes the entry stale, so a refresh
   * that could classify differently is always evaluated.
   */
  private final Map<List<EntityKey>, Evaluated> evaluated = new ConcurrentHashMap<>();

  private final LongAdder evaluations = new LongAdder();
  private final LongAdder answered = new LongAdder();

  public ClassificationEngine(
      Function<TenantId, List<ClassificationRule>> rules,
      Catalog catalog,
      TypeRegistry types,
      Clock clock) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.types = Objects.requireNonNull(types, "types");
    this.dependents = new Dependents(types);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.forgetting =
        catalog
            .changes()
            .subscribe(
                0,
                event -> {
                  if (event.kind() != ChangeEvent.Kind.RELATIONSHIP_CREATED
                      && event.kind() != ChangeEvent.Kind.ENTITY_CREATED) {
                    known.remove(event.subject().key());
                  }
                });
  }

  @Override
  public void close() {
    forgetting.close();
  }

  private Known known(EntityKey key) {
    Known k = known.get(key);
    if (k == null) {
      k =
          catalog
              .get(key, Visibility.all())
              .map(e -> new Known(e.classifications(), ClassificationSource.of(e)))
              .orElse(null);
      if (k != null) {
        remember(key, k);
      }
    }
    return k;
  }

  private Known known(EntityKey key, Reads reads) {
    Known k = known(key);
    boolean seen = reads.held.containsKey(key);
    Known before = reads.held.put(key, k);
    // Two different states of one entity in one evaluation (a change in between): no replay.
    reads.complete &= k != null && (!seen || before == k);
    return k;
  }

  /**
   * Holds {@code k} for {@code key}; keeps the held object when it is equal, so that evaluations
   * that read it stay valid, and returns what is held.
   */
  private Known remember(EntityKey key, Known k) {
    Known current = known.get(key);
    if (k.equals(current)) {
      return current;
    }
    if (known.size() >= KNOWN_MAX) {
      known.clear();
    }
    known.put(key, k);
    return k;
  }

  /** Turns classification at ingest on or off (for measuring what it costs). */
  public void setEnabled(boolean value) {
    enabled = value;
  }

  /** Events whose rules and propagation were evaluated at ingest. */
  public long evaluations() {
    return evaluations.sum();
  }

  /** Events answered from the evaluation of an equal earlier one, without evaluating. */
  public long answered() {
    return answered.sum();
  }

  /** What one re-evaluation changed. */
  public record Report(int examined, int added, int removed) {}

  @Override
  public Mutation enrich(TenantId tenant, Mutation mutation) {
    if (!enabled) {
      return mutation;
    }
    List<ClassificationRule> tenantRules = rules.apply(tenant);
    boolean ratios = needsRatios(tenantRules);
    List<EntityKey> keys = new ArrayList<>(mutation.entities().size());
    List<WriteInputs> inputs = new ArrayList<>(mutation.entities().size());
    for (EntityWrite write : mutation.entities()) {
      keys.add(write.key());
      inputs.add(inputsOf(write, ratios));
    }
    List<Link> links = linksOf(mutation);
    Evaluated last = evaluated.get(keys);
    if (last != null
        && last.inputs().equals(inputs)
        && last.links().equals(links)
        && (last.rules() == tenantRules || last.rules().equals(tenantRules))
        && stillHeld(last.held())) {
      answered.increment();
      return replay(mutation, last.classified());
    }
    evaluations.increment();
    Reads reads = new Reads();
    Mutation out = evaluate(tenantRules, ratios, mutation, reads);
    if (reads.complete) {
      Map<EntityKey, Set<String>> classified = new HashMap<>();
      for (int i = 0; i < out.entities().size(); i++) {
        EntityWrite after = out.entities().get(i);
        if (!after.classifications().equals(mutation.entities().get(i).classifications())) {
          classified.put(after.key(), after.classifications());
        }
      }
      if (evaluated.size() >= EVALUATED_MAX) {
        evaluated.clear();
      }
      evaluated.put(
          List.copyOf(keys),
          new Evaluated(
              inputs, links, List.copyOf(tenantRules), Map.copyOf(reads.held), classified));
    }
    return out;
  }

  private boolean stillHeld(Map<EntityKey, Known> held) {
    for (Map.Entry<EntityKey, Known> e : held.entrySet()) {
      if (known.get(e.getKey()) != e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** The result an evaluation gave the same inputs: the classifications it added, nothing else. */
  private static Mutation replay(Mutation mutation, Map<EntityKey, Set<String>> classified) {
    if (classified.isEmpty()) {
      return mutation;
    }
    List<EntityWrite> out = new ArrayList<>(mutation.entities().size());
    for (EntityWrite write : mutation.entities()) {
      Set<String> names = classified.get(write.key());
      out.add(
          names == null
              ? write
              : new EntityWrite(
                  write.key(), write.name(), write.attributes(), names, write.asOf()));
    }
    return new Mutation(mutation.source(), out, mutation.relationships());
  }

  private WriteInputs inputsOf(EntityWrite write, boolean ratios) {
    Map<String, Object> a = write.attributes();
    String type = write.key().typeName();
    if (isColumnLineage(type)) {
      return new WriteInputs(
          write.key(),
          write.name(),
          write.classifications(),
          null,
          null,
          null,
          null,
          a.get("lineageLevel"),
          a.get("transformations"),
          a.get("masking"));
    }
    return new WriteInputs(
        write.key(),
        write.name(),
        write.classifications(),
        a.get("type"),
        a.get("tags"),
        ratios ? a.get("datasetQualifiedName") : null,
        ratios ? a.get("dataQualityMetrics") : null,
        null,
        null,
        null);
  }

  private List<Link> linksOf(Mutation mutation) {
    List<Link> out = new ArrayList<>();
    for (RelationshipWrite r : mutation.relationships()) {
      if ((r.typeName().equals(Types.REL_INPUTS) && isColumnLineage(r.to().typeName()))
          || (r.typeName().equals(Types.REL_OUTPUTS) && isColumnLineage(r.from().typeName()))) {
        out.add(new Link(r.typeName(), r.from(), r.to()));
      }
    }
    return out;
  }

  /** Distinct ratios cost a facet parse per column: only worth it when a rule reads them. */
  private static boolean needsRatios(List<ClassificationRule> tenantRules) {
    for (ClassificationRule rule : tenantRules) {
      if (rule.minDistinctRatio() != null) {
        return true;
      }
    }
    return false;
  }

  private Mutation evaluate(
      List<ClassificationRule> tenantRules, boolean ratios, Mutation mutation, Reads reads) {
    Map<EntityKey, EntityWrite> writes = new LinkedHashMap<>();
    for (EntityWrite write : mutation.entities()) {
      writes.put(write.key(), write);
    }
    Map<EntityKey, Map<String, ClassificationSource>> found = new LinkedHashMap<>();
    for (EntityWrite write : mutation.entities()) {
      Map<String, ClassificationSource> sources = new LinkedHashMap<>();
      for (String tagged : write.classifications()) {
        sources.put(tagged, new ClassificationSource(ClassificationSource.TAG, 1.0, null, null));
      }
      if (!tenantRules.isEmpty() && isClassifiable(write.key().typeName())) {
        boolean column = isColumn(write.key().typeName());
        Double ratio = column && ratios ? distinctRatio(write, writes) : null;
        for (ClassificationRule rule : tenantRules) {
          if (rule.matches(
              write.key().qualifiedName(),
              column,
              text(write.attributes().get("type")),
              tags(write.attributes().get("tags")),
              ratio)) {
            put(
                sources,
                rule.classification(),
                new ClassificationSource(
                    ClassificationSource.RULE, rule.confidenceOrDefault(), rule.describe(), null));
          }
        }
      }
      if (!sources.isEmpty()) {
        found.put(write.key(), sources);
      }
    }
    propagateWithin(mutation, writes, found, reads);
    if (found.isEmpty()) {
      return mutation;
    }
    List<EntityWrite> out = new ArrayList<>(mutation.entities().size());
    boolean changed = false;
    for (EntityWrite write : mutation.entities()) {
      Map<String, ClassificationSource> sources = found.get(write.key());
      if (sources == null) {
        out.add(write);
        continue;
      }
      EntityWrite enriched = withSources(write, sources, reads);
      changed |= enriched != write;
      out.add(enriched);
    }
    return changed ? new Mutation(mutation.source(), out, mutation.relationships()) : mutation;
  }

  /** One pass over the event's column lineage entries, inputs' classifications to outputs. */
  private void propagateWithin(
      Mutation mutation,
      Map<EntityKey, EntityWrite> writes,
      Map<EntityKey, Map<String, ClassificationSource>> found,
      Reads reads) {
    Map<EntityKey, List<EntityKey>> inputs = new HashMap<>();
    Map<EntityKey, List<EntityKey>> outputs = new HashMap<>();
    for (RelationshipWrite r : mutation.relationships()) {
      if (r.typeName().equals(Types.REL_INPUTS) && isColumnLineage(r.to().typeName())) {
        inputs.computeIfAbsent(r.to(), k -> new ArrayList<>()).add(r.from());
      } else if (r.typeName().equals(Types.REL_OUTPUTS) && isColumnLineage(r.from().typeName())) {
        outputs.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(r.to());
      }
    }
    if (inputs.isEmpty()) {
      return;
    }
    Map<EntityKey, Map<String, ClassificationSource>> stored = new HashMap<>();
    for (Map.Entry<EntityKey, List<EntityKey>> entry : inputs.entrySet()) {
      EntityWrite lineage = writes.get(entry.getKey());
      if (lineage == null || !"FIELD".equals(lineage.attributes().get("lineageLevel"))) {
        continue;
      }
      LineageHop hop = LineageHop.of(lineage.attributes());
      List<EntityKey> targets = outputs.getOrDefault(entry.getKey(), List.of());
      for (EntityKey input : entry.getValue()) {
        EntityWrite inputWrite = writes.get(input);
        // What the values do not reach needs no catalog read.
        if (targets.isEmpty()
            || !hop.carries(input.qualifiedName(), inputWrite == null ? null : inputWrite.name())) {
          continue;
        }
        Map<String, ClassificationSource> upstream = new LinkedHashMap<>();
        upstream.putAll(
            stored.computeIfAbsent(
                input,
                k -> {
                  Known held = known(k, reads);
                  return held == null ? Map.of() : held.sources();
                }));
        upstream.putAll(found.getOrDefault(input, Map.of()));
        if (upstream.isEmpty()) {
          continue;
        }
        for (EntityKey output : targets) {
          Map<String, ClassificationSource> target =
              found.computeIfAbsent(output, k -> new LinkedHashMap<>());
          upstream.forEach(
              (name, source) -> put(target, name, propagated(source, input.qualifiedName())));
        }
      }
    }
  }

  private static ClassificationSource propagated(ClassificationSource upstream, String from) {
    List<String> path = new ArrayList<>(upstream.path());
    path.add(from);
    return new ClassificationSource(
        ClassificationSource.PROPAGATED, upstream.confidence(), upstream.rule(), path);
  }

  /** Every classification of an entity with its source; a recorded-less one counts as a tag's. */
  public static Map<String, ClassificationSource> sourcesOf(Entity entity) {
    Map<String, ClassificationSource> recorded = ClassificationSource.of(entity);
    Map<String, ClassificationSource> out = new LinkedHashMap<>();
    for (String name : entity.classifications()) {
      out.put(
          name,
          recorded.getOrDefault(
              name, new ClassificationSource(ClassificationSource.TAG, 1.0, null, null)));
    }
    return out;
  }

  /**
   * The write with the found classifications and their sources merged into what the entity records;
   * unchanged when it records them all already.
   */
  private EntityWrite withSources(
      EntityWrite write, Map<String, ClassificationSource> found, Reads reads) {
    Known existing = known(write.key(), reads);
    Map<String, ClassificationSource> recorded = existing == null ? Map.of() : existing.recorded();
    Map<String, ClassificationSource> merged = new LinkedHashMap<>(recorded);
    found.forEach((name, source) -> put(merged, name, source));
    Set<String> classifications = new LinkedHashSet<>(write.classifications());
    classifications.addAll(found.keySet());
    boolean known =
        merged.equals(recorded)
            && existing != null
            && existing.classifications().containsAll(classifications);
    if (known && classifications.equals(write.classifications())) {
      return write;
    }
    Set<String> after = new LinkedHashSet<>(classifications);
    if (existing != null) {
      after.addAll(existing.classifications());
    }
    // What this write leaves held is what a later equal event must find to be answered alike.
    reads.held.put(
        write.key(), remember(write.key(), new Known(Set.copyOf(after), Map.copyOf(merged))));
    Map<String, Object> attributes = new LinkedHashMap<>(write.attributes());
    if (!merged.equals(recorded)) {
      attributes.put(ClassificationSource.ATTRIBUTE, ClassificationSource.write(merged));
    }
    return new EntityWrite(write.key(), write.name(), attributes, classifications, write.asOf());
  }

  private static void put(
      Map<String, ClassificationSource> sources, String name, ClassificationSource source) {
    ClassificationSource current = sources.get(name);
    if (current == null || source.outranks(current)) {
      sources.put(name, source);
    }
  }

  /**
   * Recomputes every classification of a tenant that a rule or propagation gave: rules as they are
   * now, propagation over the column lineage the catalog holds now. Manual and tag classifications
   * stay; a rule's or propagation's that no longer holds is removed.
   */
  public Report reevaluate(TenantId tenant) {
    known.clear();
    evaluated.clear();
    List<ClassificationRule> tenantRules = rules.apply(tenant);
    Map<EntityKey, Entity> entities = new LinkedHashMap<>();
    for (Entity e : all(tenant, Types.DATASET)) {
      entities.put(e.key(), e);
    }
    Map<EntityKey, Map<String, ClassificationSource>> desired = new LinkedHashMap<>();
    Map<String, Entity> datasets = new HashMap<>();
    for (Entity e : entities.values()) {
      if (!isColumn(e.typeName())) {
        datasets.put(e.qualifiedName(), e);
      }
    }
    for (Entity e : entities.values()) {
      Map<String, ClassificationSource> keep = new LinkedHashMap<>();
      sourcesOf(e)
          .forEach(
              (name, source) -> {
                if (source.source().equals(ClassificationSource.MANUAL)
                    || source.source().equals(ClassificationSource.TAG)) {
                  keep.put(name, source);
                }
              });
      boolean column = isColumn(e.typeName());
      Double ratio = column ? distinctRatio(e, datasets) : null;
      for (ClassificationRule rule : tenantRules) {
        if (rule.matches(
            e.qualifiedName(),
            column,
            text(e.attributes().get("type")),
            tags(e.attributes().get("tags")),
            ratio)) {
          put(
              keep,
              rule.classification(),
              new ClassificationSource(
                  ClassificationSource.RULE, rule.confidenceOrDefault(), rule.describe(), null));
        }
      }
      desired.put(e.key(), keep);
    }
    propagateStored(tenant, entities, desired);
    return apply(entities, desired);
  }

  /** Propagation to a fixed point over the tenant's stored column lineage entries. */
  private void propagateStored(
      TenantId tenant,
      Map<EntityKey, Entity> entities,
      Map<EntityKey, Map<String, ClassificationSource>> desired) {
    record Hop(LineageHop hop, List<Entity> inputs, List<Entity> outputs) {}
    List<Hop> hops = new ArrayList<>();
    for (Entity lineage : all(tenant, Types.COLUMN_LINEAGE)) {
      if (!"FIELD".equals(lineage.attributes().get("lineageLevel"))) {
        continue;
      }
      hops.add(
          new Hop(
              LineageHop.of(lineage.attributes()),
              catalog.related(
                  lineage.guid(), Types.REL_INPUTS, Direction.UPSTREAM, Visibility.all()),
              catalog.related(
                  lineage.guid(), Types.REL_OUTPUTS, Direction.DOWNSTREAM, Visibility.all())));
    }
    // Each pass carries classifications one hop further; a chain longer than the hops is a cycle.
    for (int pass = 0; pass <= hops.size(); pass++) {
      boolean changed = false;
      for (Hop hop : hops) {
        for (Entity input : hop.inputs()) {
          Map<String, ClassificationSource> upstream = desired.get(input.key());
          if (upstream == null
              || upstream.isEmpty()
              || !hop.hop().carries(input.qualifiedName(), input.name())) {
            continue;
          }
          for (Entity output : hop.outputs()) {
            if (!entities.containsKey(output.key())) {
              continue;
            }
            Map<String, ClassificationSource> target =
                desired.computeIfAbsent(output.key(), k -> new LinkedHashMap<>());
            for (Map.Entry<String, ClassificationSource> c : List.copyOf(upstream.entrySet())) {
              ClassificationSource candidate = propagated(c.getValue(), input.qualifiedName());
              if (candidate.path().contains(output.qualifiedName())) {
                continue;
              }
              ClassificationSource before = target.get(c.getKey());
              put(target, c.getKey(), candidate);
              changed |= !Objects.equals(before, target.get(c.getKey()));
            }
          }
        }
      }
      if (!changed) {
        return;
      }
    }
  }

  private Report apply(
      Map<EntityKey, Entity> entities, Map<EntityKey, Map<String, ClassificationSource>> desired) {
    List<EntityWrite> writes = new ArrayList<>();
    int added = 0;
    int removed = 0;
    for (Entity e : entities.values()) {
      Map<String, ClassificationSource> want = desired.getOrDefault(e.key(), Map.of());
      Map<String, ClassificationSource> recorded = ClassificationSource.of(e);
      for (String name : e.classifications()) {
        if (!want.containsKey(name)) {
          catalog.removeClassification(e.guid(), name);
          removed++;
        }
      }
      Set<String> adding = new LinkedHashSet<>(want.keySet());
      adding.removeAll(e.classifications());
      added += adding.size();
      if (!adding.isEmpty() || !want.equals(recorded)) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(ClassificationSource.ATTRIBUTE, ClassificationSource.write(want));
        writes.add(new EntityWrite(e.key(), null, attributes, want.keySet(), clock.instant()));
      }
    }
    if (!writes.isEmpty()) {
      catalog.apply(new Mutation("classification re-evaluation", writes, List.of()));
    }
    return new Report(entities.size(), added, removed);
  }

  private List<Entity> all(TenantId tenant, String type) {
    List<Entity> out = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      SearchResult page =
          catalog.search(
              new SearchQuery(null, type, null, tenant, Map.of(), PAGE, offset), Visibility.all());
      out.addAll(page.entities());
      if (page.entities().size() < PAGE) {
        return out;
      }
    }
  }

  private boolean isClassifiable(String type) {
    return isColumn(type) || (types.isA(type, Types.DATASET) && !isColumnLineage(type));
  }

  private boolean isColumn(String type) {
    return dependents.kindOf(type) == Dependents.Kind.COLUMN;
  }

  private boolean isColumnLineage(String type) {
    return dependents.kindOf(type) == Dependents.Kind.COLUMN_LINEAGE;
  }

  /** A column's {@code distinctCount / rowCount} from its dataset's written quality metrics. */
  private static Double distinctRatio(EntityWrite column, Map<EntityKey, EntityWrite> writes) {
    Object datasetName = column.attributes().get("datasetQualifiedName");
    for (EntityWrite w : writes.values()) {
      if (w.key().qualifiedName().equals(datasetName)) {
        return ratio(w.attributes().get("dataQualityMetrics"), column.name());
      }
    }
    return null;
  }

  private static Double distinctRatio(Entity column, Map<String, Entity> datasets) {
    Entity dataset = datasets.get(text(column.attributes().get("datasetQualifiedName")));
    return dataset == null
        ? null
        : ratio(dataset.attributes().get("dataQualityMetrics"), column.name());
  }

  static Double ratio(Object metrics, String field) {
    if (metrics == null || field == null) {
      return null;
    }
    try {
      JsonNode node = metrics instanceof String s ? JSON.readTree(s) : JSON.valueToTree(metrics);
      JsonNode rows = node.path("rowCount");
      JsonNode distinct = node.path("columnMetrics").path(field).path("distinctCount");
      if (!rows.isNumber() || !distinct.isNumber() || rows.asLong() <= 0) {
        return null;
      }
      return Math.min(1.0, distinct.asDouble() / rows.asDouble());
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> tags(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of();
  }
}

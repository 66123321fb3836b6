package io.tributary.catalog.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.atlas.AtlasEntity;
import io.tributary.atlas.AtlasEntityHeader;
import io.tributary.atlas.AtlasEntityWithExtInfo;
import io.tributary.atlas.AtlasJson;
import io.tributary.atlas.AtlasLineageInfo;
import io.tributary.atlas.AtlasNotificationEncoder;
import io.tributary.atlas.AtlasObjectId;
import io.tributary.atlas.AtlasSearchResult;
import io.tributary.atlas.AtlasTypedefStore;
import io.tributary.atlas.AtlasWriteMapper;
import io.tributary.atlas.AtlasWritePlan;
import io.tributary.atlas.RelationshipEnd;
import io.tributary.atlas.SearchParameters;
import io.tributary.atlas.SearchParameters.FilterCriteria;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.CatalogException;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Dependents;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.EntityRef;
import io.tributary.catalog.Guid;
import io.tributary.catalog.ImpactEntry;
import io.tributary.catalog.LineageEdge;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineagePath;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The catalog kept in a real Apache Atlas: everything Tributary ingests is written to Atlas through
 * an {@link AtlasSink}; reads go to Atlas's REST API.
 *
 * <p>Differences from the embedded catalog, all Atlas's: a batch of mutations is atomic per bulk
 * request, not as a whole; a process's {@code inputs} and {@code outputs} are those its latest
 * write names; lineage is dataset-level only; {@link #countByType} counts what Atlas's metrics
 * count, regardless of visibility; and with the notification sink, writes are applied by Atlas
 * later, so their results carry no guids and the change feed hears nothing of them.
 */
public final class AtlasCatalog implements Catalog {
  private static final int PAGE = 1000;

  private final AtlasRestClient client;
  private final AtlasSink sink;
  private final AtlasTypedefStore typedefs;
  private final TenantQualifiedNames names;
  private final RemoteEntities entities;
  private final AtlasWriteMapper writeMapper;
  private final ChangeFeed feed;
  private final Dependents dependents;
  private final AttributeTimes attributeTimes;

  public AtlasCatalog(
      AtlasRestClient client,
      AtlasSink sink,
      AtlasTypedefStore typedefs,
      TenantQualifiedNames names,
      ChangeFeed feed) {
    this.client = Objects.requireNonNull(client, "client");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.typedefs = Objects.requireNonNull(typedefs, "typedefs");
    this.names = Objects.requireNonNull(names, "names");
    this.feed = Objects.requireNonNull(feed, "feed");
    this.entities = new RemoteEntities(names);
    this.writeMapper = new AtlasWriteMapper(typedefs, names::encode);
    this.dependents = new Dependents(typedefs.registry());
    this.attributeTimes =
        new AttributeTimes(
            key ->
                client
                    .entity(key.typeName(), names.encode(key))
                    .map(AtlasEntityWithExtInfo::entity));
  }

  /** The caller's visibility for one read: dependents decided through their dataset. */
  private RemoteVisibility scope(Visibility visibility) {
    return new RemoteVisibility(
        Objects.requireNonNull(visibility, "visibility"), dependents, client, entities, typedefs);
  }

  /** Connects to Atlas as configured; opens a Kafka producer for the notification sink. */
  public static AtlasCatalog open(AtlasBackendConfig config, TypeRegistry types, ChangeFeed feed) {
    AtlasJson json = new AtlasJson();
    AtlasRestClient client = AtlasRestClient.create(config.rest(), json);
    AtlasSink sink =
        switch (config.sink()) {
          case REST -> new AtlasRestSink(client, config.batchSize());
          case NOTIFICATION -> notificationSink(config.notification(), json);
        };
    return new AtlasCatalog(
        client, sink, AtlasTypedefStore.builtIn(types, json), new TenantQualifiedNames(), feed);
  }

  private static AtlasSink notificationSink(
      AtlasBackendConfig.NotificationConfig n, AtlasJson json) {
    Properties props = new Properties();
    props.putAll(n.producerProperties());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, n.bootstrapServers());
    // Idempotence keeps per-partition order across retries, which per-entity keys rely on.
    props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.putIfAbsent(
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(n.maxLengthBytes() + 4096));
    KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    AtlasNotificationEncoder encoder =
        new AtlasNotificationEncoder(
            json, n.maxLengthBytes(), n.compress(), n.user(), "", Clock.systemUTC());
    return new AtlasNotificationSink(producer, n.topic(), encoder, n.user());
  }

  @Override
  public void validate(Mutation mutation) {
    for (var write : mutation.entities()) {
      if (Types.isInternal(write.key().typeName())) {
        throw new InternalTypeRefusedException(write.key().typeName());
      }
    }
    typedefs.registry().requireKnownTypes(mutation);
  }

  /**
   * False: Tributary's internal entities (the web UI's dashboards) are not Atlas's to hold. Atlas
   * does not know their types, and its users and other hooks would see them; they are refused
   * before anything is sent.
   */
  @Override
  public boolean storesInternalTypes() {
    return false;
  }

  @Override
  public List<MutationResult> applyAll(List<Mutation> mutations) {
    // Refused here rather than by Atlas, so nothing of the batch is sent and the message is ours.
    mutations.forEach(this::validate);
    // Notifications are applied by Atlas later, so what it holds cannot be read before sending:
    // newest-wins per attribute needs the REST sink.
    AttributeTimes.Prepared prepared =
        sink instanceof AtlasRestSink
            ? attributeTimes.prepare(mutations)
            : new AttributeTimes.Prepared(mutations, Map.of());
    AtlasWritePlan[] plans = new AtlasWritePlan[mutations.size()];
    AtomicInteger placeholders = new AtomicInteger();
    for (int i = 0; i < plans.length; i++) {
      plans[i] =
          withTimes(
              writeMapper.plan(
                  prepared.mutations().get(i), placeholders, sink.oneRequestPerMutation()),
              prepared.customAttributes());
    }
    List<MutationResult> results = sink.write(List.of(plans));
    publish(results);
    return results;
  }

  private static AtlasWritePlan withTimes(
      AtlasWritePlan plan, Map<EntityKey, Map<String, String>> customAttributes) {
    if (customAttributes.isEmpty()) {
      return plan;
    }
    return new AtlasWritePlan(
        withTimes(plan.creates(), customAttributes),
        withTimes(plan.partialUpdates(), customAttributes),
        plan.relationships());
  }

  private static List<AtlasWritePlan.Keyed> withTimes(
      List<AtlasWritePlan.Keyed> entities, Map<EntityKey, Map<String, String>> customAttributes) {
    List<AtlasWritePlan.Keyed> out = new ArrayList<>(entities.size());
    for (AtlasWritePlan.Keyed k : entities) {
      Map<String, String> custom = customAttributes.get(k.key());
      out.add(
          custom == null
              ? k
              : new AtlasWritePlan.Keyed(
                  k.key(), k.entity().toBuilder().customAttributes(custom).build()));
    }
    return out;
  }

  private void publish(List<MutationResult> results) {
    List<ChangeFeed.Draft> drafts = new ArrayList<>();
    for (MutationResult r : results) {
      for (EntityKey key : r.created()) {
        drafts.add(draft(ChangeEvent.Kind.ENTITY_CREATED, r, key));
      }
      for (EntityKey key : r.updated()) {
        drafts.add(draft(ChangeEvent.Kind.ENTITY_UPDATED, r, key));
      }
    }
    feed.publish(drafts);
  }

  private static ChangeFeed.Draft draft(ChangeEvent.Kind kind, MutationResult r, EntityKey key) {
    return new ChangeFeed.Draft(kind, new EntityRef(r.guids().get(key), key), null, null);
  }

  @Override
  public Optional<Entity> get(Guid guid, Visibility visibility) {
    return visible(client.entity(guid.value()), null, visibility);
  }

  @Override
  public Optional<Entity> get(EntityKey key, Visibility visibility) {
    return visible(client.entity(key.typeName(), names.encode(key)), key, visibility);
  }

  /** The entity read, if it has {@code key} (when given) and the caller may see it. */
  private Optional<Entity> visible(
      Optional<AtlasEntityWithExtInfo> read, EntityKey key, Visibility visibility) {
    if (read.isEmpty()) {
      return Optional.empty();
    }
    AtlasEntity atlas = read.get().entity();
    Entity entity = entities.toEntity(atlas);
    if (key != null && !entity.key().equals(key)) {
      return Optional.empty();
    }
    return scope(visibility).canSee(entity, atlas) ? Optional.of(entity) : Optional.empty();
  }

  @Override
  public SearchResult search(SearchQuery query, Visibility visibility) {
    if (query.typeName() != null && Types.isInternal(query.typeName())) {
      // Never written to Atlas, so not asked for: Atlas would answer that it knows no such type.
      return new SearchResult(List.of(), 0);
    }
    List<FilterCriteria> filters = new ArrayList<>();
    query.attributes().forEach((name, value) -> filters.add(FilterCriteria.leaf(name, "=", value)));
    if (query.namePrefix() != null && !query.namePrefix().isBlank()) {
      List<FilterCriteria> prefixes = new ArrayList<>();
      for (String variant : caseVariants(query.namePrefix())) {
        prefixes.add(FilterCriteria.leaf("name", "startsWith", variant));
        prefixes.add(FilterCriteria.leaf("qualifiedName", "startsWith", variant));
      }
      filters.add(new FilterCriteria(null, null, null, "OR", prefixes));
    }
    if (query.tenant() != null && names.suffix(query.tenant()) != null) {
      filters.add(FilterCriteria.leaf("qualifiedName", "endsWith", names.suffix(query.tenant())));
    }
    SearchParameters parameters =
        new SearchParameters(
            null,
            query.typeName() == null ? "Referenceable" : query.typeName(),
            query.classification(),
            true,
            false,
            true,
            true,
            query.limit(),
            query.offset(),
            filters.isEmpty() ? null : FilterCriteria.and(filters),
            null,
            null,
            null,
            null);
    AtlasSearchResult result = client.basicSearch(parameters);
    RemoteVisibility scope = scope(visibility);
    List<Entity> hits = new ArrayList<>();
    int hidden = 0;
    for (AtlasEntityHeader h : result.entitiesOrEmpty()) {
      Entity e = entities.toEntity(h);
      if ((query.tenant() == null || query.tenant().equals(e.tenant())) && scope.canSee(e)) {
        hits.add(e);
      } else {
        hidden++;
      }
    }
    long total =
        result.approximateCount() >= 0
            ? Math.max(hits.size(), result.approximateCount() - hidden)
            : query.offset() + hits.size();
    return new SearchResult(hits, total);
  }

  /**
   * The spellings a prefix is searched in. Atlas's {@code startsWith} is case-sensitive (its
   * in-memory predicate is {@code String.startsWith}), while the catalog's name search is not: the
   * prefix as typed, in lower case, in upper case and capitalised covers the names systems give
   * topics and jobs; a name in mixed case is found by a prefix typed in its own case.
   */
  static Set<String> caseVariants(String prefix) {
    Set<String> out = new LinkedHashSet<>();
    out.add(prefix);
    out.add(prefix.toLowerCase(java.util.Locale.ROOT));
    out.add(prefix.toUpperCase(java.util.Locale.ROOT));
    out.add(
        prefix.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
            + prefix.substring(1).toLowerCase(java.util.Locale.ROOT));
    return out;
  }

  @Override
  public List<Entity> related(
      Guid guid, String relationshipType, Direction direction, Visibility visibility) {
    RemoteVisibility scope = scope(visibility);
    Optional<AtlasEntity> self = client.entity(guid.value()).map(AtlasEntityWithExtInfo::entity);
    if (self.isEmpty() || !scope.canSee(entities.toEntity(self.get()), self.get())) {
      return List.of();
    }
    AtlasEntity atlas = self.get();
    Set<String> guids = new LinkedHashSet<>();
    for (RelationshipEnd end : typedefs.endsOf(atlas.typeName())) {
      boolean walks =
          direction == Direction.BOTH || (direction == Direction.DOWNSTREAM) == end.isFrom();
      if (!walks || !end.relationshipType().equals(relationshipType)) {
        continue;
      }
      for (Map<?, ?> ref :
          RemoteVisibility.references(atlas.relationshipAttributesOrEmpty().get(end.name()))) {
        Object type = ref.get("relationshipType");
        if ((type == null || relationshipType.equals(type)) && ref.get("guid") != null) {
          guids.add(ref.get("guid").toString());
        }
      }
    }
    List<Entity> out = new ArrayList<>();
    List<String> all = List.copyOf(guids);
    for (int i = 0; i < all.size(); i += PAGE) {
      for (AtlasEntity e :
          client.entities(all.subList(i, Math.min(all.size(), i + PAGE))).entities()) {
        Entity entity = entities.toEntity(e);
        if (scope.canSee(entity, e)) {
          out.add(entity);
        }
      }
    }
    return out;
  }

  @Override
  public LineageGraph lineage(LineageQuery query, Visibility visibility) {
    if (query.level() == LineageLevel.COLUMN) {
      throw new CatalogException(
          "column-level lineage of " + query.start() + " is not available from a remote Atlas");
    }
    String direction =
        switch (query.direction()) {
          case UPSTREAM -> "INPUT";
          case DOWNSTREAM -> "OUTPUT";
          case BOTH -> "BOTH";
        };
    AtlasLineageInfo info =
        client
            .lineage(query.start().value(), direction, query.depth())
            .orElseThrow(
                () -> new io.tributary.catalog.EntityNotFoundException(query.start().value()));
    RemoteVisibility scope = scope(visibility);
    Map<Guid, Entity> visible = new LinkedHashMap<>();
    Set<Guid> redacted = new LinkedHashSet<>();
    info.guidEntityMap()
        .forEach(
            (guid, header) -> {
              Entity e = entities.toEntity(header);
              if (scope.canSee(e)) {
                visible.put(e.guid(), e);
              } else {
                redacted.add(e.guid());
              }
            });
    if (!visible.containsKey(query.start())) {
      throw new io.tributary.catalog.EntityNotFoundException(query.start().value());
    }
    List<LineageEdge> edges = new ArrayList<>();
    for (AtlasLineageInfo.LineageRelation r : info.relations()) {
      Guid from = new Guid(r.fromEntityId());
      Guid to = new Guid(r.toEntityId());
      edges.add(new LineageEdge(from, to, relationshipType(visible.get(from), visible.get(to))));
    }
    return new LineageGraph(
        query.start(), visible, edges, redacted, distances(query.start(), edges));
  }

  private String relationshipType(Entity from, Entity to) {
    // Atlas's lineage names no relationship type; a process as source means an output.
    boolean fromProcess = from != null && isProcess(from);
    boolean toProcess = to != null && isProcess(to);
    if (fromProcess && !toProcess) {
      return io.tributary.catalog.Types.REL_OUTPUTS;
    }
    return io.tributary.catalog.Types.REL_INPUTS;
  }

  private boolean isProcess(Entity e) {
    return typedefs.registry().isA(e.typeName(), io.tributary.catalog.Types.PROCESS);
  }

  /** Process hops from the start, walking edges either way: dataset, process, dataset is one. */
  private static Map<Guid, Integer> distances(Guid start, List<LineageEdge> edges) {
    Map<Guid, List<Guid>> neighbours = new HashMap<>();
    for (LineageEdge e : edges) {
      neighbours.computeIfAbsent(e.from(), g -> new ArrayList<>()).add(e.to());
      neighbours.computeIfAbsent(e.to(), g -> new ArrayList<>()).add(e.from());
    }
    Map<Guid, Integer> steps = new HashMap<>();
    steps.put(start, 0);
    Deque<Guid> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      Guid g = todo.poll();
      for (Guid n : neighbours.getOrDefault(g, List.of())) {
        if (!steps.containsKey(n)) {
          steps.put(n, steps.get(g) + 1);
          todo.add(n);
        }
      }
    }
    Map<Guid, Integer> hops = new HashMap<>();
    steps.forEach((g, s) -> hops.put(g, (s + 1) / 2));
    return hops;
  }

  @Override
  public Optional<LineagePath> path(Guid from, Guid to, int maxDepth, Visibility visibility) {
    LineageGraph graph =
        lineage(
            new LineageQuery(
                from,
                Direction.DOWNSTREAM,
                Math.min(maxDepth, LineageQuery.MAX_DEPTH),
                LineageLevel.DATASET),
            visibility);
    Map<Guid, LineageEdge> cameBy = new HashMap<>();
    Deque<Guid> todo = new ArrayDeque<>(List.of(from));
    Set<Guid> seen = new HashSet<>(List.of(from));
    while (!todo.isEmpty() && !seen.contains(to)) {
      Guid g = todo.poll();
      for (LineageEdge e : graph.edges()) {
        if (e.from().equals(g) && seen.add(e.to())) {
          cameBy.put(e.to(), e);
          todo.add(e.to());
        }
      }
    }
    if (!seen.contains(to)) {
      return Optional.empty();
    }
    List<Guid> guids = new ArrayList<>();
    List<LineageEdge> edges = new ArrayList<>();
    for (Guid g = to; g != null; g = cameBy.containsKey(g) ? cameBy.get(g).from() : null) {
      guids.add(0, g);
      if (cameBy.containsKey(g)) {
        edges.add(0, cameBy.get(g));
      }
    }
    List<Entity> visible =
        guids.stream().map(graph.entities()::get).filter(Objects::nonNull).toList();
    return Optional.of(new LineagePath(guids, visible, edges));
  }

  @Override
  public List<ImpactEntry> impact(Guid start, int maxDepth, Visibility visibility) {
    LineageGraph graph =
        lineage(
            new LineageQuery(
                start,
                Direction.DOWNSTREAM,
                Math.min(maxDepth, LineageQuery.MAX_DEPTH),
                LineageLevel.DATASET),
            visibility);
    return graph.entities().values().stream()
        .filter(e -> !e.guid().equals(start))
        .map(e -> new ImpactEntry(e, graph.distances().getOrDefault(e.guid(), 0)))
        .sorted(
            Comparator.comparingInt(ImpactEntry::distance)
                .thenComparing(i -> i.entity().qualifiedName()))
        .toList();
  }

  @Override
  public boolean delete(Guid guid) {
    Optional<AtlasEntity> existing =
        client.entity(guid.value()).map(AtlasEntityWithExtInfo::entity);
    if (existing.isEmpty()) {
      return false;
    }
    EntityKey key = entities.toEntity(existing.get()).key();
    // A dependent's event names its dataset, so the feed can decide it as that dataset.
    List<Entity> owners = scope(Visibility.all()).owners(existing.get());
    sink.delete(key, AtlasObjectId.ofQualifiedName(key.typeName(), names.encode(key)));
    feed.publish(
        List.of(
            new ChangeFeed.Draft(
                ChangeEvent.Kind.ENTITY_DELETED,
                new EntityRef(guid, key),
                null,
                owners.isEmpty()
                    ? null
                    : new EntityRef(owners.get(0).guid(), owners.get(0).key()))));
    return true;
  }

  /**
   * Removes it through Atlas's own endpoint; the entity's change is published as any update.
   *
   * @throws EntityNotFoundException when Atlas does not know the entity
   */
  @Override
  public boolean removeClassification(Guid guid, String classification) {
    Objects.requireNonNull(classification, "classification");
    AtlasEntity existing =
        client
            .entity(guid.value())
            .map(AtlasEntityWithExtInfo::entity)
            .orElseThrow(() -> new EntityNotFoundException(guid.value()));
    if (!client.removeClassification(guid.value(), classification)) {
      return false;
    }
    EntityKey key = entities.toEntity(existing).key();
    List<Entity> owners = scope(Visibility.all()).owners(existing);
    feed.publish(
        List.of(
            new ChangeFeed.Draft(
                ChangeEvent.Kind.ENTITY_UPDATED,
                new EntityRef(guid, key),
                null,
                owners.isEmpty()
                    ? null
                    : new EntityRef(owners.get(0).guid(), owners.get(0).key()))));
    return true;
  }

  @Override
  public Map<String, Long> countByType(Visibility visibility) {
    JsonNode active = client.metrics().path("data").path("entity").path("entityActive");
    Map<String, Long> counts = new java.util.TreeMap<>();
    active.properties().forEach(f -> counts.put(f.getKey(), f.getValue().asLong()));
    return counts;
  }

  /** Atlas's metrics, as {@link #countByType(Visibility)}: they hold no per-tenant counts. */
  @Override
  public Map<String, Long> countByType(Predicate<TenantId> wholeTenant, Visibility partial) {
    return countByType(partial);
  }

  @Override
  public ChangeFeed changes() {
    return feed;
  }

  @Override
  public void close() {
    sink.close();
  }
}

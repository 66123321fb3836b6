package io.tributary.server.atlas;

import io.tributary.atlas.AtlasApiException;
import io.tributary.atlas.AtlasClassification;
import io.tributary.atlas.AtlasEntitiesWithExtInfo;
import io.tributary.atlas.AtlasEntity;
import io.tributary.atlas.AtlasEntityHeader;
import io.tributary.atlas.AtlasEntityMapper;
import io.tributary.atlas.AtlasEntityWithExtInfo;
import io.tributary.atlas.AtlasErrorCode;
import io.tributary.atlas.AtlasLineageInfo;
import io.tributary.atlas.AtlasNames;
import io.tributary.atlas.AtlasRequestResolver;
import io.tributary.atlas.AtlasSearchResult;
import io.tributary.atlas.AtlasTypedefStore;
import io.tributary.atlas.AtlasTypesDef;
import io.tributary.atlas.EntityLookup;
import io.tributary.atlas.EntityMutationResponse;
import io.tributary.atlas.ResolvedRequest;
import io.tributary.atlas.SearchParameters;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.InvalidEntityException;
import io.tributary.catalog.LineageEdge;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import io.tributary.ingest.Admission;
import io.tributary.ingest.IngestPipeline;
import io.tributary.ranger.governance.ClassificationSource;
import io.tributary.ranger.governance.Classifications;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * Atlas's REST API v2 on a catalog, independent of HTTP: every call acts within one tenant ({@link
 * AtlasScope}) and sees only the entities of that tenant its caller may see; others appear in
 * lineage as redacted placeholders.
 */
public final class AtlasApiService {
  /** Atlas's defaults for {@code GET /v2/lineage}. */
  public static final int DEFAULT_LINEAGE_DEPTH = 3;

  private final Catalog catalog;
  private final AtlasTypedefStore typedefs;
  private final AtlasRequestResolver resolver;
  private final AtlasEntityMapper mapper;
  private final AtlasBasicSearch search;
  private final Clock clock;
  private final Writer writer;

  /** How an Atlas write reaches the catalog. */
  @FunctionalInterface
  public interface Writer {
    /**
     * Applies {@code mutation}, all of whose writes are in {@code tenant}, once {@code admission}
     * admits it; returns after the catalog committed it.
     */
    MutationResult write(Admission admission, TenantId tenant, Mutation mutation);

    /** Straight to the catalog, neither admitted nor batched: for a catalog of one's own. */
    static Writer direct(Catalog catalog) {
      Objects.requireNonNull(catalog, "catalog");
      return (admission, tenant, mutation) -> catalog.apply(mutation);
    }

    /** Through the ingest pipeline: admitted (quotas) and group-committed like every write. */
    static Writer through(IngestPipeline pipeline) {
      Objects.requireNonNull(pipeline, "pipeline");
      return (admission, tenant, mutation) -> {
        try {
          return pipeline.write(admission, tenant, mutation).join();
        } catch (CompletionException e) {
          if (e.getCause() instanceof RuntimeException cause) {
            throw cause;
          }
          throw e;
        }
      };
    }
  }

  /** Writes go straight to the catalog ({@link Writer#direct}). */
  public AtlasApiService(Catalog catalog, AtlasTypedefStore typedefs, Clock clock) {
    this(catalog, typedefs, clock, Writer.direct(catalog));
  }

  public AtlasApiService(Catalog catalog, AtlasTypedefStore typedefs, Clock clock, Writer writer) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.typedefs = Objects.requireNonNull(typedefs, "typedefs");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.resolver = new AtlasRequestResolver(typedefs);
    this.mapper = AtlasEntityMapper.plain(typedefs);
    this.search = new AtlasBasicSearch(catalog, typedefs.registry(), mapper);
  }

  public AtlasTypesDef createTypedefs(AtlasTypesDef typesDef) {
    return typedefs.create(typesDef);
  }

  public AtlasTypesDef typedefs() {
    return typedefs.all();
  }

  /**
   * {@code POST /v2/entity/bulk}: one atomic catalog mutation for the whole request, admitted into
   * the scope's tenant by {@code admission} as one event of its quota.
   */
  public EntityMutationResponse createOrUpdate(
      AtlasScope scope, Admission admission, AtlasEntitiesWithExtInfo request) {
    Visibility visibility = scope.visible();
    ResolvedRequest resolved =
        resolver.resolve(
            request, scope.tenant(), lookup(visibility), clock.instant(), "atlas:entity/bulk");
    MutationResult result;
    try {
      result = writer.write(admission, scope.tenant(), resolved.mutation());
    } catch (InvalidEntityException e) {
      throw new AtlasApiException(AtlasErrorCode.BAD_REQUEST, e.getMessage());
    }
    Map<String, String> assignments = new LinkedHashMap<>();
    resolved
        .keysByRequestGuid()
        .forEach(
            (requestGuid, key) -> {
              Guid guid = result.guids().get(key);
              if (guid != null && !guid.value().equals(requestGuid)) {
                assignments.put(requestGuid, guid.value());
              }
            });
    Map<String, List<AtlasEntityHeader>> mutated = new LinkedHashMap<>();
    Map<EntityKey, EntityWrite> writes = new LinkedHashMap<>();
    resolved.mutation().entities().forEach(w -> writes.put(w.key(), w));
    headers(result.created(), result, writes).ifPresent(h -> mutated.put(AtlasNames.OP_CREATE, h));
    headers(result.updated(), result, writes).ifPresent(h -> mutated.put(AtlasNames.OP_UPDATE, h));
    return new EntityMutationResponse(mutated, assignments);
  }

  public AtlasEntityWithExtInfo entity(AtlasScope scope, String guidText) {
    Visibility visibility = scope.visible();
    Entity entity =
        parseGuid(guidText)
            .flatMap(g -> catalog.get(g, visibility))
            .orElseThrow(
                () -> new AtlasApiException(AtlasErrorCode.INSTANCE_GUID_NOT_FOUND, guidText));
    return AtlasEntityWithExtInfo.of(mapper.toAtlas(entity, related(visibility)));
  }

  /**
   * {@code GET /v2/entity/bulk?guid=...}: the entities, in the order asked; as Atlas does, one guid
   * that names no readable entity makes the whole answer a 404.
   */
  /**
   * {@code GET /v2/entity/guid/{guid}/classifications}: Atlas's {@code AtlasClassifications}, one
   * page holding all of them. A propagated classification names the entity it came from in {@code
   * entityGuid}, as Atlas's do.
   */
  public Map<String, Object> classifications(AtlasScope scope, String guidText) {
    Entity entity = visible(scope, guidText);
    List<AtlasClassification> list = new ArrayList<>();
    for (String name : new java.util.TreeSet<>(entity.classifications())) {
      list.add(classification(entity, name));
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("list", list);
    page.put("startIndex", 0);
    page.put("pageSize", list.size());
    page.put("totalCount", list.size());
    page.put("sortType", "NONE");
    return page;
  }

  /** {@code GET /v2/entity/guid/{guid}/classification/{name}}. */
  public AtlasClassification classification(AtlasScope scope, String guidText, String name) {
    requireClassificationType(name);
    Entity entity = visible(scope, guidText);
    if (!entity.classifications().contains(name)) {
      throw new AtlasApiException(AtlasErrorCode.CLASSIFICATION_NOT_FOUND, name);
    }
    return classification(entity, name);
  }

  /**
   * {@code POST /v2/entity/guid/{guid}/classifications}: adds them as manual classifications; one
   * the entity carries already is kept (and becomes manual).
   */
  public void addClassifications(
      AtlasScope scope, String guidText, List<AtlasClassification> classifications) {
    if (classifications == null || classifications.isEmpty()) {
      throw new AtlasApiException(AtlasErrorCode.INVALID_PARAMETERS, "no classifications");
    }
    List<String> names = new ArrayList<>();
    for (AtlasClassification c : classifications) {
      requireClassificationType(c.typeName());
      names.add(c.typeName());
    }
    new Classifications(catalog, clock).addManual(visible(scope, guidText), names);
  }

  /** {@code DELETE /v2/entity/guid/{guid}/classification/{name}}. */
  public void deleteClassification(AtlasScope scope, String guidText, String name) {
    requireClassificationType(name);
    Entity entity = visible(scope, guidText);
    if (!new Classifications(catalog, clock).remove(entity, name)) {
      throw new AtlasApiException(AtlasErrorCode.CLASSIFICATION_NOT_FOUND, name);
    }
  }

  /**
   * {@code DELETE /v2/entity/guid/{guid}}: removes the entity and its relationships (Atlas would
   * mark it deleted; the catalog keeps no deleted entities) and answers Atlas's mutation response
   * with the entity under {@code DELETE}.
   */
  public EntityMutationResponse deleteEntity(AtlasScope scope, String guidText) {
    Entity entity = visible(scope, guidText);
    AtlasEntityHeader header = mapper.header(entity);
    catalog.delete(entity.guid());
    AtlasEntityHeader deleted =
        new AtlasEntityHeader(
            header.typeName(),
            header.attributes(),
            header.guid(),
            "DELETED",
            header.displayText(),
            header.classificationNames(),
            header.classifications());
    return new EntityMutationResponse(Map.of("DELETE", List.of(deleted)), null);
  }

  private Entity visible(AtlasScope scope, String guidText) {
    return parseGuid(guidText)
        .flatMap(g -> catalog.get(g, scope.visible()))
        .orElseThrow(() -> new AtlasApiException(AtlasErrorCode.INSTANCE_GUID_NOT_FOUND, guidText));
  }

  private void requireClassificationType(String name) {
    if (name == null || !typedefs.registry().hasClassification(name)) {
      throw new AtlasApiException(AtlasErrorCode.TYPE_NAME_NOT_FOUND, String.valueOf(name));
    }
  }

  private static AtlasClassification classification(Entity entity, String name) {
    ClassificationSource source = ClassificationSource.of(entity).get(name);
    String from = entity.guid().value();
    boolean propagated =
        source != null
            && source.source().equals(ClassificationSource.PROPAGATED)
            && !source.path().isEmpty();
    if (propagated) {
      from =
          Guid.forKey(new EntityKey(entity.tenant(), entity.typeName(), source.path().get(0)))
              .value();
    }
    return new AtlasClassification(name, Map.of(), from, "ACTIVE", propagated ? true : null);
  }

  public AtlasEntitiesWithExtInfo entities(AtlasScope scope, List<String> guidTexts) {
    if (guidTexts == null || guidTexts.isEmpty()) {
      throw new AtlasApiException(AtlasErrorCode.INVALID_PARAMETERS, "guid is required");
    }
    Visibility visibility = scope.visible();
    List<AtlasEntity> found = new ArrayList<>();
    for (String guidText : guidTexts) {
      Entity entity =
          parseGuid(guidText)
              .flatMap(g -> catalog.get(g, visibility))
              .orElseThrow(
                  () -> new AtlasApiException(AtlasErrorCode.INSTANCE_GUID_NOT_FOUND, guidText));
      found.add(mapper.toAtlas(entity, related(visibility)));
    }
    return AtlasEntitiesWithExtInfo.of(found);
  }

  public AtlasEntityWithExtInfo entity(AtlasScope scope, String typeName, String qualifiedName) {
    Visibility visibility = scope.visible();
    Entity entity = byUniqueAttribute(scope.tenant(), typeName, qualifiedName, visibility);
    return AtlasEntityWithExtInfo.of(mapper.toAtlas(entity, related(visibility)));
  }

  public AtlasLineageInfo lineage(AtlasScope scope, String guidText, String direction, int depth) {
    Visibility visibility = scope.visible();
    Guid guid =
        parseGuid(guidText)
            .filter(g -> catalog.get(g, visibility).isPresent())
            .orElseThrow(
                () -> new AtlasApiException(AtlasErrorCode.INSTANCE_GUID_NOT_FOUND, guidText));
    return lineage(guid, direction, depth, visibility);
  }

  public AtlasLineageInfo lineage(
      AtlasScope scope, String typeName, String qualifiedName, String direction, int depth) {
    Visibility visibility = scope.visible();
    Entity start = byUniqueAttribute(scope.tenant(), typeName, qualifiedName, visibility);
    return lineage(start.guid(), direction, depth, visibility);
  }

  public AtlasSearchResult basicSearch(AtlasScope scope, SearchParameters parameters) {
    return search.search(scope.tenant(), parameters, scope.visible());
  }

  private AtlasLineageInfo lineage(
      Guid start, String directionText, int depth, Visibility visibility) {
    Direction direction;
    try {
      direction = Direction.parse(directionText == null ? "BOTH" : directionText);
    } catch (IllegalArgumentException e) {
      throw new AtlasApiException(AtlasErrorCode.INVALID_PARAMETERS, "direction=" + directionText);
    }
    if (depth < 0 || depth > LineageQuery.MAX_DEPTH) {
      throw new AtlasApiException(
          AtlasErrorCode.INVALID_PARAMETERS,
          "depth=" + depth + " is outside 0.." + LineageQuery.MAX_DEPTH);
    }
    LineageGraph graph =
        catalog.lineage(
            new LineageQuery(start, direction, depth, LineageLevel.DATASET), visibility);
    Map<String, AtlasEntityHeader> headers = new LinkedHashMap<>();
    graph.entities().values().stream()
        .sorted(java.util.Comparator.comparing(e -> e.guid().value()))
        .forEach(e -> headers.put(e.guid().value(), mapper.header(e)));
    for (Guid hidden : graph.redacted()) {
      // What a caller may not see keeps the graph connected but shows no name or type.
      headers.put(
          hidden.value(),
          new AtlasEntityHeader(
              null, Map.of(), hidden.value(), AtlasNames.STATUS_ACTIVE, null, null, null));
    }
    Set<AtlasLineageInfo.LineageRelation> relations = new LinkedHashSet<>();
    for (LineageEdge edge : graph.edges()) {
      relations.add(
          new AtlasLineageInfo.LineageRelation(
              edge.from().value(),
              edge.to().value(),
              AtlasEntityMapper.relationshipGuid(edge.from(), edge.relationshipType(), edge.to())));
    }
    String atlasDirection =
        switch (direction) {
          case UPSTREAM -> "INPUT";
          case DOWNSTREAM -> "OUTPUT";
          case BOTH -> "BOTH";
        };
    return new AtlasLineageInfo(start.value(), atlasDirection, depth, headers, relations);
  }

  private Entity byUniqueAttribute(
      TenantId tenant, String typeName, String qualifiedName, Visibility visibility) {
    if (typeName == null || !typedefs.registry().hasEntityType(typeName)) {
      throw new AtlasApiException(AtlasErrorCode.TYPE_NAME_INVALID, "ENTITY", typeName);
    }
    if (qualifiedName == null || qualifiedName.isBlank()) {
      throw new AtlasApiException(
          AtlasErrorCode.INVALID_PARAMETERS, "attr:qualifiedName is required for " + typeName);
    }
    return catalog
        .get(new EntityKey(tenant, typeName, qualifiedName), visibility)
        .orElseThrow(
            () ->
                new AtlasApiException(
                    AtlasErrorCode.INSTANCE_BY_UNIQUE_ATTRIBUTE_NOT_FOUND,
                    typeName,
                    "{qualifiedName=" + qualifiedName + "}"));
  }

  /** Headers from what was written, so that answering costs no read of the catalog. */
  private static Optional<List<AtlasEntityHeader>> headers(
      List<EntityKey> keys, MutationResult result, Map<EntityKey, EntityWrite> writes) {
    List<AtlasEntityHeader> out = new ArrayList<>();
    for (EntityKey key : keys) {
      Guid guid = result.guids().get(key);
      EntityWrite write = writes.get(key);
      if (guid == null || write == null) {
        continue;
      }
      Map<String, Object> attributes = new LinkedHashMap<>();
      attributes.put(AtlasNames.QUALIFIED_NAME, key.qualifiedName());
      attributes.put(AtlasNames.NAME, write.name());
      List<String> classifications = write.classifications().stream().sorted().toList();
      out.add(
          new AtlasEntityHeader(
              key.typeName(),
              attributes,
              guid.value(),
              AtlasNames.STATUS_ACTIVE,
              write.name() == null ? key.qualifiedName() : write.name(),
              classifications,
              null));
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  private AtlasEntityMapper.Related related(Visibility visibility) {
    return (guid, type, direction) -> catalog.related(guid, type, direction, visibility);
  }

  private EntityLookup lookup(Visibility visibility) {
    return new EntityLookup() {
      @Override
      public Optional<Entity> byGuid(Guid guid) {
        return catalog.get(guid, visibility);
      }

      @Override
      public Optional<Entity> byKey(EntityKey key) {
        return catalog.get(key, visibility);
      }
    };
  }

  private static Optional<Guid> parseGuid(String text) {
    try {
      return Optional.of(new Guid(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}

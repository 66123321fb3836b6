package io.tributary.ranger;

import io.tributary.catalog.Entity;
import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps catalog entities to Ranger resources: the entity's tenant; {@code job} for {@code Process}
 * types and process runs, {@code dataset} for everything else; namespace and name as {@link
 * ResourceNaming} derives them (a Kafka topic {@code orders@prod} is {@code namespace=prod,
 * dataset=orders}; a column is protected as its dataset, a run as its job).
 */
public final class EntityResources {
  public static final String DEFAULT_NAMESPACE = "default";

  private final TypeRegistry types;
  private final String defaultNamespace;
  private final ConcurrentHashMap<String, ResourcePath.Kind> kinds = new ConcurrentHashMap<>();

  public EntityResources(TypeRegistry types, String defaultNamespace) {
    this.types = Objects.requireNonNull(types, "types");
    this.defaultNamespace = Objects.requireNonNull(defaultNamespace, "defaultNamespace");
  }

  public static EntityResources builtIn() {
    return new EntityResources(TypeRegistry.builtIn(), DEFAULT_NAMESPACE);
  }

  public ResourcePath of(Entity entity) {
    Map<String, Object> attributes = entity.attributes();
    String typeName = entity.typeName();
    return new ResourcePath(
        entity.tenant().value(),
        ResourceNaming.namespace(typeName, entity.qualifiedName(), attributes, defaultNamespace),
        kindOf(typeName),
        ResourceNaming.name(typeName, entity.qualifiedName(), attributes));
  }

  /** Type lookups are cached: the registry synchronises, and this runs once per entity read. */
  ResourcePath.Kind kindOf(String typeName) {
    ResourcePath.Kind kind = kinds.get(typeName);
    if (kind == null) {
      kind =
          typeName.equals(Types.RUN) || types.isA(typeName, Types.PROCESS)
              ? ResourcePath.Kind.JOB
              : ResourcePath.Kind.DATASET;
      // A type not registered yet may be registered later as a Process: do not cache its guess.
      if (types.hasEntityType(typeName)) {
        kinds.put(typeName, kind);
      }
    }
    return kind;
  }
}

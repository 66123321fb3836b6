package io.tributary.ranger;

import io.tributary.catalog.Dependents;
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
 * dataset=orders}). What belongs to a dataset is its resource: a column or a column lineage entry
 * (types of {@link Dependents}, subtypes included) maps to exactly its dataset's resource, from the
 * dataset identity it carries; a run is protected as its job.
 */
public final class EntityResources {
  public static final String DEFAULT_NAMESPACE = "default";

  /** How a type is named and which leaf resource it is. */
  private record Role(ResourcePath.Kind kind, String namingType) {}

  private final TypeRegistry types;
  private final Dependents dependents;
  private final String defaultNamespace;
  private final ConcurrentHashMap<String, Role> roles = new ConcurrentHashMap<>();

  public EntityResources(TypeRegistry types, String defaultNamespace) {
    this.types = Objects.requireNonNull(types, "types");
    this.dependents = new Dependents(types);
    this.defaultNamespace = Objects.requireNonNull(defaultNamespace, "defaultNamespace");
  }

  public static EntityResources builtIn() {
    return new EntityResources(TypeRegistry.builtIn(), DEFAULT_NAMESPACE);
  }

  public ResourcePath of(Entity entity) {
    Map<String, Object> attributes = entity.attributes();
    Role role = roleOf(entity.typeName());
    return new ResourcePath(
        entity.tenant().value(),
        ResourceNaming.namespace(
            role.namingType(), entity.qualifiedName(), attributes, defaultNamespace),
        role.kind(),
        ResourceNaming.name(role.namingType(), entity.qualifiedName(), attributes));
  }

  ResourcePath.Kind kindOf(String typeName) {
    return roleOf(typeName).kind();
  }

  /** Type lookups are cached: the registry synchronises, and this runs once per entity read. */
  private Role roleOf(String typeName) {
    Role role = roles.get(typeName);
    if (role == null) {
      // A column lineage entry is a Process in Atlas's model, but belongs to its output dataset.
      role =
          switch (dependents.kindOf(typeName)) {
            case COLUMN -> new Role(ResourcePath.Kind.DATASET, Types.COLUMN);
            case COLUMN_LINEAGE -> new Role(ResourcePath.Kind.DATASET, Types.COLUMN_LINEAGE);
            case NONE ->
                typeName.equals(Types.RUN) || types.isA(typeName, Types.RUN)
                    ? new Role(ResourcePath.Kind.JOB, Types.RUN)
                    : new Role(
                        types.isA(typeName, Types.PROCESS)
                            ? ResourcePath.Kind.JOB
                            : ResourcePath.Kind.DATASET,
                        typeName);
          };
      // A type not registered yet may be registered later as a Process: do not cache its guess.
      if (types.hasEntityType(typeName)) {
        roles.put(typeName, role);
      }
    }
    return role;
  }
}

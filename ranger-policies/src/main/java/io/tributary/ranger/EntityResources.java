package io.tributary.ranger;

import io.tributary.catalog.Entity;
import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps catalog entities to Ranger resources:
 *
 * <ul>
 *   <li>tenant: the entity's tenant;
 *   <li>dataset or job: {@code job} for {@code Process} types and process runs, {@code dataset} for
 *       everything else;
 *   <li>namespace: the entity's {@code namespace} attribute if it has one, else the part of the
 *       qualifiedName after its last {@code @} (Atlas's {@code <name>@<cluster>} convention), else
 *       the default namespace;
 *   <li>name: the qualifiedName without its {@code @<cluster>} suffix.
 * </ul>
 */
public final class EntityResources {
  public static final String NAMESPACE_ATTRIBUTE = "namespace";
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
    String qualifiedName = entity.qualifiedName();
    int at = qualifiedName.lastIndexOf('@');
    String namespace;
    Object attribute = entity.attributes().get(NAMESPACE_ATTRIBUTE);
    if (attribute instanceof String value && !value.isBlank()) {
      namespace = value;
    } else if (at > 0 && at < qualifiedName.length() - 1) {
      namespace = qualifiedName.substring(at + 1);
    } else {
      namespace = defaultNamespace;
    }
    String name = at > 0 ? qualifiedName.substring(0, at) : qualifiedName;
    return new ResourcePath(entity.tenant().value(), namespace, kindOf(entity.typeName()), name);
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

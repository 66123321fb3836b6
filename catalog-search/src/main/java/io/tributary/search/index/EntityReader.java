package io.tributary.search.index;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads what the index keeps of an entity from the catalog, as the catalog itself sees it (every
 * tenant): visibility is applied to each hit at query time, never at indexing time.
 */
public final class EntityReader {
  private static final Visibility ALL = Visibility.all();

  private final Catalog catalog;
  private final TypeRegistry types;

  public EntityReader(Catalog catalog, TypeRegistry types) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.types = Objects.requireNonNull(types, "types");
  }

  public IndexedEntity read(Entity e) {
    EntityKind kind = EntityKind.of(e.typeName(), types);
    List<String> fields = List.of();
    String dataset = null;
    String context = null;
    int producers = 0;
    int consumers = 0;
    switch (kind) {
      case DATASET -> {
        fields =
            new TreeSet<>(
                    names(catalog.related(e.guid(), Types.REL_COLUMNS, Direction.DOWNSTREAM, ALL)))
                .stream().toList();
        List<Entity> writers =
            catalog.related(e.guid(), Types.REL_OUTPUTS, Direction.UPSTREAM, ALL);
        List<Entity> readers =
            catalog.related(e.guid(), Types.REL_INPUTS, Direction.DOWNSTREAM, ALL);
        producers = writers.size();
        consumers = readers.size();
        context = flow("written by", writers) + flow(" read by", readers);
      }
      case PROCESS -> {
        List<Entity> inputs = catalog.related(e.guid(), Types.REL_INPUTS, Direction.UPSTREAM, ALL);
        List<Entity> outputs =
            catalog.related(e.guid(), Types.REL_OUTPUTS, Direction.DOWNSTREAM, ALL);
        producers = outputs.size();
        consumers = inputs.size();
        context = flow("reads", inputs) + flow(" writes", outputs);
      }
      case COLUMN -> dataset = text(e.attributes().get("datasetQualifiedName"));
      default -> {}
    }
    return new IndexedEntity(
        e.guid(),
        e.tenant(),
        e.typeName(),
        kind,
        e.qualifiedName(),
        e.name(),
        text(e.attributes().get("description")),
        fields,
        tags(e.attributes().get("tags")),
        strings(e.attributes().get("owners")),
        new TreeSet<>(e.classifications()).stream().toList(),
        dataset,
        context,
        producers,
        consumers,
        number(e.attributes().get("assertionsFailed")),
        e.updateTime() == null ? 0 : e.updateTime().toEpochMilli());
  }

  private static List<String> names(Collection<Entity> entities) {
    List<String> out = new ArrayList<>();
    for (Entity e : entities) {
      out.add(e.name() == null ? e.qualifiedName() : e.name());
    }
    return out;
  }

  private static String flow(String verb, List<Entity> entities) {
    if (entities.isEmpty()) {
      return "";
    }
    return verb + " " + String.join(", ", new TreeSet<>(names(entities)));
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof Collection<?> c) {
      for (Object o : c) {
        if (o instanceof Map<?, ?> m && m.get("name") != null) {
          out.add(String.valueOf(m.get("name")));
        } else if (o != null) {
          out.add(String.valueOf(o));
        }
      }
    } else if (value instanceof String s) {
      out.add(s);
    }
    return out;
  }

  private static List<String> tags(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.add(v == null ? String.valueOf(k) : k + " " + v));
    } else {
      out.addAll(strings(value));
    }
    return out;
  }
}

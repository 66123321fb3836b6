package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.GraphSchema.CLASSIFICATIONS;
import static io.tributary.catalog.janus.GraphSchema.ENTITY_LABEL;
import static io.tributary.catalog.janus.GraphSchema.PREFIXES;
import static io.tributary.catalog.janus.GraphSchema.TENANT;
import static io.tributary.catalog.janus.GraphSchema.TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.catalog.Entity;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.types.TypeRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.janusgraph.core.JanusGraphTransaction;

/**
 * Basic search on composite indexes only: the most selective criterion picks the candidates through
 * its index (name prefix, classification, type, tenant, in that order), every criterion then
 * filters the loaded entities. Without an indexed criterion it scans all entities.
 */
final class EntitySearch {
  private final TypeRegistry types;
  private final EntityVertices vertices;
  private final Json json;

  EntitySearch(TypeRegistry types, EntityVertices vertices, Json json) {
    this.types = types;
    this.vertices = vertices;
    this.json = json;
  }

  SearchResult search(JanusGraphTransaction tx, SearchQuery query, ReadVisibility visibility) {
    String prefix = blankToNull(query.namePrefix());
    Set<String> typeNames = query.typeName() == null ? null : types.withSubtypes(query.typeName());
    Predicate<EntityVertices.Stored> indexed = storedCriteria(query, prefix, typeNames);
    Predicate<Entity> rest = attributeCriteria(query);
    List<Entity> hits = new ArrayList<>();
    for (Iterator<Vertex> it = candidates(tx, query, prefix, typeNames); it.hasNext(); ) {
      // Stored properties first: most candidates fail there, before any JSON is parsed.
      Vertex v = it.next();
      EntityVertices.Stored stored = EntityVertices.load(v);
      if (indexed.test(stored)) {
        Entity e = vertices.toEntity(stored);
        if (rest.test(e) && visibility.canSee(v, e)) {
          hits.add(e);
        }
      }
    }
    hits.sort(LineageWalker.BY_NAME_THEN_GUID);
    int from = Math.min(query.offset(), hits.size());
    int to = Math.min(from + query.limit(), hits.size());
    return new SearchResult(hits.subList(from, to), hits.size());
  }

  private Iterator<Vertex> candidates(
      JanusGraphTransaction tx, SearchQuery query, String prefix, Set<String> typeNames) {
    if (prefix != null) {
      return lookup(tx, PREFIXES, EntityVertices.indexPrefix(prefix));
    }
    if (query.classification() != null) {
      return lookup(tx, CLASSIFICATIONS, query.classification());
    }
    if (typeNames != null) {
      // One index lookup per type: composite indexes answer equality only.
      return typeNames.stream()
          .flatMap(type -> stream(EntityVertices.lookup(tx, TYPE, type)))
          .iterator();
    }
    if (query.tenant() != null) {
      return lookup(tx, TENANT, query.tenant().value());
    }
    return tx.traversal().V().hasLabel(ENTITY_LABEL);
  }

  private static Iterator<Vertex> lookup(JanusGraphTransaction tx, String key, Object value) {
    return stream(EntityVertices.lookup(tx, key, value)).iterator();
  }

  private static Stream<Vertex> stream(Iterable<? extends Vertex> vertices) {
    return StreamSupport.stream(vertices.spliterator(), false).map(Vertex.class::cast);
  }

  private static Predicate<EntityVertices.Stored> storedCriteria(
      SearchQuery query, String prefix, Set<String> typeNames) {
    Predicate<EntityVertices.Stored> p = s -> true;
    if (prefix != null) {
      String lower = prefix.toLowerCase(Locale.ROOT);
      p =
          p.and(
              s ->
                  startsWith(s.string(GraphSchema.NAME), lower)
                      || startsWith(s.string(GraphSchema.QUALIFIED_NAME), lower));
    }
    if (typeNames != null) {
      p = p.and(s -> typeNames.contains(s.string(TYPE)));
    }
    if (query.classification() != null) {
      p = p.and(s -> s.classifications().contains(query.classification()));
    }
    if (query.tenant() != null) {
      p = p.and(s -> query.tenant().value().equals(s.string(TENANT)));
    }
    return p;
  }

  private Predicate<Entity> attributeCriteria(SearchQuery query) {
    Predicate<Entity> p = e -> true;
    for (Map.Entry<String, String> wanted : query.attributes().entrySet()) {
      p = p.and(e -> attributeEquals(e, wanted.getKey(), wanted.getValue()));
    }
    return p;
  }

  private boolean attributeEquals(Entity e, String attribute, String wanted) {
    if ("name".equals(attribute)) {
      return wanted.equals(e.name());
    }
    if ("qualifiedName".equals(attribute)) {
      return wanted.equals(e.qualifiedName());
    }
    Object value = e.attributes().get(attribute);
    if (value == null) {
      return false;
    }
    JsonNode node = json.normalise(attribute, value);
    return wanted.equals(Json.asComparable(node));
  }

  private static boolean startsWith(String text, String lowerPrefix) {
    return text != null && text.toLowerCase(Locale.ROOT).startsWith(lowerPrefix);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

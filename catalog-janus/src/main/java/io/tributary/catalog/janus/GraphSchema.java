package io.tributary.catalog.janus;

import io.tributary.catalog.Types;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.janusgraph.core.Cardinality;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.Multiplicity;
import org.janusgraph.core.PropertyKey;
import org.janusgraph.core.schema.ConsistencyModifier;
import org.janusgraph.core.schema.JanusGraphIndex;
import org.janusgraph.core.schema.JanusGraphManagement;

/**
 * The graph's schema: one vertex label for entities, their property keys, composite indexes, and
 * one edge label per relationship type. Created when the catalog opens; creating it again changes
 * nothing.
 */
final class GraphSchema {
  static final String ENTITY_LABEL = "entity";

  static final String GUID = "guid";

  /** {@code tenant|type|qualifiedName}: the unique key as one indexed value. */
  static final String KEY = "entityKey";

  static final String TYPE = "typeName";
  static final String TENANT = "tenant";
  static final String QUALIFIED_NAME = "qualifiedName";
  static final String NAME = "name";
  static final String NAME_LOWER = "nameLower";

  /** Lower-cased prefixes of name and qualifiedName, of the lengths in {@link #PREFIX_LENGTHS}. */
  static final String PREFIXES = "namePrefixes";

  /**
   * Every short length, then sparser ones: a search looks up its longest indexed prefix, so a long
   * search string stays selective when many names share their first characters.
   */
  static final int[] PREFIX_LENGTHS = {1, 2, 3, 4, 6, 8, 12, 16};

  static final String CLASSIFICATIONS = "classifications";

  /** Attributes as one JSON object (on entities and on relationship edges). */
  static final String ATTRIBUTES = "attributes";

  /** Per attribute, the {@code asOf} of the write that set it, as JSON: newest wins. */
  static final String ATTRIBUTE_TIMES = "attributeTimes";

  static final String CREATE_TIME = "createTime";
  static final String UPDATE_TIME = "updateTime";

  /**
   * The label of the catalog's own bookkeeping vertices, found through {@link #KEY} values that no
   * entity key can take (they have no '|'); never an entity, so entity scans by label skip them.
   */
  static final String STATE_LABEL = "catalogState";

  /** On the state vertex: entities per tenant and type, as JSON. */
  static final String ENTITY_COUNTS = "entityCounts";

  /** Labels every catalog walks; created up front so that reads never meet a missing label. */
  static final List<String> CORE_EDGE_LABELS =
      List.of(Types.REL_INPUTS, Types.REL_OUTPUTS, Types.REL_COLUMNS, Types.REL_RUNS);

  private final JanusGraph graph;
  private final Set<String> edgeLabels = ConcurrentHashMap.newKeySet();

  private GraphSchema(JanusGraph graph) {
    this.graph = graph;
  }

  /**
   * Creates whatever part of the schema is missing.
   *
   * @param lockUniqueness take storage locks for the unique indexes: needed only when several
   *     processes write one graph (Cassandra); a local graph has one writer already
   */
  static GraphSchema ensure(JanusGraph graph, boolean lockUniqueness) {
    GraphSchema schema = new GraphSchema(graph);
    JanusGraphManagement m = graph.openManagement();
    try {
      if (!m.containsVertexLabel(ENTITY_LABEL)) {
        m.makeVertexLabel(ENTITY_LABEL).make();
      }
      if (!m.containsVertexLabel(STATE_LABEL)) {
        m.makeVertexLabel(STATE_LABEL).make();
      }
      PropertyKey guid = key(m, GUID, String.class, Cardinality.SINGLE);
      PropertyKey entityKey = key(m, KEY, String.class, Cardinality.SINGLE);
      PropertyKey type = key(m, TYPE, String.class, Cardinality.SINGLE);
      PropertyKey tenant = key(m, TENANT, String.class, Cardinality.SINGLE);
      key(m, QUALIFIED_NAME, String.class, Cardinality.SINGLE);
      key(m, NAME, String.class, Cardinality.SINGLE);
      key(m, NAME_LOWER, String.class, Cardinality.SINGLE);
      PropertyKey prefixes = key(m, PREFIXES, String.class, Cardinality.SET);
      PropertyKey classifications = key(m, CLASSIFICATIONS, String.class, Cardinality.SET);
      key(m, ATTRIBUTES, String.class, Cardinality.SINGLE);
      key(m, ATTRIBUTE_TIMES, String.class, Cardinality.SINGLE);
      key(m, CREATE_TIME, Long.class, Cardinality.SINGLE);
      key(m, UPDATE_TIME, Long.class, Cardinality.SINGLE);
      key(m, ENTITY_COUNTS, String.class, Cardinality.SINGLE);

      index(m, "byGuid", guid, true, lockUniqueness);
      index(m, "byKey", entityKey, true, lockUniqueness);
      index(m, "byType", type, false, false);
      index(m, "byTenant", tenant, false, false);
      index(m, "byClassification", classifications, false, false);
      index(m, "byNamePrefix", prefixes, false, false);

      for (String label : CORE_EDGE_LABELS) {
        if (!m.containsEdgeLabel(label)) {
          m.makeEdgeLabel(label).multiplicity(Multiplicity.MULTI).make();
        }
      }
      m.commit();
    } catch (RuntimeException e) {
      m.rollback();
      throw e;
    }
    schema.edgeLabels.addAll(CORE_EDGE_LABELS);
    return schema;
  }

  /** Whether the graph has an edge label for this relationship type. */
  boolean hasEdgeLabel(String relationshipType) {
    if (edgeLabels.contains(relationshipType)) {
      return true;
    }
    JanusGraphManagement m = graph.openManagement();
    try {
      boolean exists = m.containsEdgeLabel(relationshipType);
      if (exists) {
        edgeLabels.add(relationshipType);
      }
      return exists;
    } finally {
      m.rollback();
    }
  }

  /**
   * Creates the edge label of a relationship type registered after the catalog opened. Runs in its
   * own management transaction, before the data transaction that needs it.
   */
  void ensureEdgeLabel(String relationshipType) {
    if (hasEdgeLabel(relationshipType)) {
      return;
    }
    JanusGraphManagement m = graph.openManagement();
    try {
      if (!m.containsEdgeLabel(relationshipType)) {
        m.makeEdgeLabel(relationshipType).multiplicity(Multiplicity.MULTI).make();
      }
      m.commit();
    } catch (RuntimeException e) {
      m.rollback();
      throw e;
    }
    edgeLabels.add(relationshipType);
  }

  private static PropertyKey key(
      JanusGraphManagement m, String name, Class<?> dataType, Cardinality cardinality) {
    if (m.containsPropertyKey(name)) {
      return m.getPropertyKey(name);
    }
    return m.makePropertyKey(name).dataType(dataType).cardinality(cardinality).make();
  }

  private static void index(
      JanusGraphManagement m, String name, PropertyKey key, boolean unique, boolean lock) {
    if (m.containsGraphIndex(name)) {
      return;
    }
    JanusGraphManagement.IndexBuilder builder = m.buildIndex(name, Vertex.class).addKey(key);
    if (unique) {
      builder.unique();
    }
    JanusGraphIndex index = builder.buildCompositeIndex();
    if (lock) {
      // Uniqueness checked under a lock at commit: two nodes never create the same entity.
      m.setConsistency(index, ConsistencyModifier.LOCK);
    }
  }
}

package io.tributary.catalog.janus;

import io.tributary.testkit.cassandra.EmbeddedCassandra;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.JanusGraphFactory;

/**
 * A keyspace of the test JVM's Cassandra node, for one test class. Creating a keyspace costs
 * seconds, so the class's tests share one and {@link #wipe()} empties it between them; a second
 * graph instance, kept open, does the wiping and the raw counting.
 */
final class CqlKeyspace implements AutoCloseable {
  private final JanusConfig config;
  private JanusGraph raw;

  CqlKeyspace(String prefix) {
    EmbeddedCassandra node = EmbeddedCassandra.shared();
    this.config = JanusConfig.cql(node.janusGraphStorage(EmbeddedCassandra.uniqueKeyspace(prefix)));
  }

  JanusConfig config() {
    return config;
  }

  /** Removes every vertex (and so every edge and index entry); the schema stays. */
  void wipe() {
    GraphTraversalSource g = graph().traversal();
    g.V().drop().iterate();
    g.tx().commit();
  }

  /** Vertices with the entity label, counted by a full scan rather than through an index. */
  long entityVertices() {
    GraphTraversalSource g = graph().traversal();
    try {
      return g.V().hasLabel(GraphSchema.ENTITY_LABEL).count().next();
    } finally {
      g.tx().rollback();
    }
  }

  private synchronized JanusGraph graph() {
    if (raw == null) {
      // Opened after a catalog created the keyspace and schema: schema.default=none then holds.
      JanusGraphFactory.Builder builder = JanusGraphFactory.build();
      GraphSettings.of(config).forEach(builder::set);
      raw = builder.open();
    }
    return raw;
  }

  @Override
  public synchronized void close() {
    if (raw != null) {
      raw.close();
      raw = null;
    }
  }
}

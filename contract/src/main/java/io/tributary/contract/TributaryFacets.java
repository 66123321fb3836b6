package io.tributary.contract;

/**
 * Tributary's own OpenLineage facets, for what the standard facets lack: their keys, the fields the
 * catalog reads, and where their JSON Schemas are published. The schemas ship in this jar under
 * {@code tributary/spec/facets/}, laid out as under {@link #SPEC_URL}; the emitters write these
 * facets and the catalog validates and reads them.
 */
public final class TributaryFacets {
  /** Where the facet schemas are published; {@code $id}s under it resolve to this jar's copy. */
  public static final String SPEC_URL = "https://tributary.io/spec/";

  /** The directory of the current version of every facet schema. */
  public static final String SCHEMA_BASE = SPEC_URL + "facets/1-0-0/";

  /** Run facet naming the run's tenant: {@code {"tributary_tenant": {"tenant": "acme"}}}. */
  public static final String TENANT = "tributary_tenant";

  /** The field of {@link #TENANT} that holds the tenant, a {@link TenantId}. */
  public static final String TENANT_FIELD = "tenant";

  /** Where an event's tenant is, as a JSON pointer. */
  public static final String TENANT_POINTER = "/run/facets/" + TENANT + "/" + TENANT_FIELD;

  /** Dataset facet naming the logical cluster of the dataset's namespace. */
  public static final String CLUSTER = "tributary_cluster";

  /** The field of {@link #CLUSTER} that holds the cluster. */
  public static final String CLUSTER_FIELD = "cluster";

  /** Run facet with a running job's state, throughput and consumer lag. */
  public static final String STREAMING_METRICS = "tributary_streaming_metrics";

  /** Job facet with a Kafka Streams application's processor graph. */
  public static final String KAFKA_STREAMS_TOPOLOGY = "tributary_kafka_streams_topology";

  /**
   * Run facet of an event journaled by an edge node: a stable {@code eventId} (node and journal
   * sequence) that stays the same across redeliveries, and the node's hybrid logical clock stamp.
   * The catalog applies an event of a run once: a sequence at or below the last one it applied for
   * that run and node is a redelivery, acknowledged and ignored.
   */
  public static final String EDGE_EVENT = "tributary_edge_event";

  /** The field of {@link #EDGE_EVENT} naming the edge node. */
  public static final String EDGE_EVENT_NODE_FIELD = "node";

  /** The field of {@link #EDGE_EVENT} holding the node's journal sequence. */
  public static final String EDGE_EVENT_SEQUENCE_FIELD = "sequence";

  /**
   * Job facet of a device an edge node reports ({@code jobType.integration} EDGE_DEVICE): model,
   * firmware, location, online (from its MQTT last will) and last seen.
   */
  public static final String EDGE_DEVICE = "tributary_edge_device";

  /**
   * Job facet of an edge node itself ({@code jobType.integration} EDGE_NODE): its journal backlog,
   * the age of its oldest unsynced event and its last sync.
   */
  public static final String EDGE_NODE = "tributary_edge_node";

  private TributaryFacets() {}

  /**
   * The {@code _schemaURL} of a facet whose schema is {@code schemaName}: {@code
   * https://tributary.io/spec/facets/1-0-0/TributaryTenantRunFacet.json#/$defs/TributaryTenantRunFacet}.
   */
  public static String schemaUrl(String schemaName) {
    return SCHEMA_BASE + schemaName + ".json#/$defs/" + schemaName;
  }
}

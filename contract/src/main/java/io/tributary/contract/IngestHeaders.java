package io.tributary.contract;

/**
 * The names by which requests and records tell ingestion about themselves: where a tenant is named
 * over HTTP and in a Kafka record, and the headers of dead-lettered records. Declared here once;
 * the emitters' transports, the HTTP endpoints, the Atlas API and the Kafka consumer all use these.
 * An event names its tenant in a facet: {@link TributaryFacets#TENANT}.
 */
public final class IngestHeaders {
  /** The HTTP header naming the tenant of ingested events and of Atlas API calls. */
  public static final String HTTP_TENANT = "X-Tributary-Tenant";

  /**
   * The query parameter of the ingest endpoints that names the tenant, like {@link #HTTP_TENANT}.
   */
  public static final String TENANT_PARAMETER = "tenant";

  /** The Kafka record header naming a record's tenant. */
  public static final String RECORD_TENANT = "tributary.tenant";

  /** The prefix of Kafka record keys that name a tenant: {@code tenant:acme/orders-enricher}. */
  public static final String RECORD_TENANT_KEY_PREFIX = "tenant:";

  /** Dead-letter record header: why the record was refused. */
  public static final String DEAD_LETTER_ERROR = "tributary.error";

  /** Dead-letter record header: the configuration key of the limit a record broke, if any. */
  public static final String DEAD_LETTER_LIMIT = "tributary.limit";

  /** Dead-letter record header: the topic the record was read from. */
  public static final String DEAD_LETTER_SOURCE_TOPIC = "tributary.source.topic";

  /** Dead-letter record header: the partition the record was read from. */
  public static final String DEAD_LETTER_SOURCE_PARTITION = "tributary.source.partition";

  /** Dead-letter record header: the record's offset in its partition. */
  public static final String DEAD_LETTER_SOURCE_OFFSET = "tributary.source.offset";

  private IngestHeaders() {}
}

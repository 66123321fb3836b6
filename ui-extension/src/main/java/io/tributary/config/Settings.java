package io.tributary.config;

import io.tributary.catalog.spi.CatalogBackends;
import io.tributary.catalog.spi.UnknownCatalogBackendException;
import io.tributary.contract.TenantId;
import io.tributary.ingest.EventLimit;
import io.tributary.ingest.EventLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every configuration key of the catalog server, each declared once. */
public final class Settings {
  public static final Setting<Path> CONFIG_FILE =
      Setting.of(
          "config.file",
          ValueType.path(),
          null,
          "A configuration file to read: YAML when its name ends in `.yml` or `.yaml`, Java"
              + " properties otherwise. Set it with `--config` or `TRIBUTARY_CONFIG_FILE`; it"
              + " cannot name itself inside a file.");

  public static final Setting<String> SERVER_HOST =
      Setting.of(
          "server.host",
          ValueType.string(),
          "0.0.0.0",
          "The address the HTTP server listens on; `127.0.0.1` keeps it local to this machine."
              + " While authentication is off (no `auth.users-file`, no `auth.jwt.issuer`) the"
              + " server listens on `127.0.0.1` whatever this says.");

  public static final Setting<Integer> SERVER_PORT =
      Setting.of(
          "server.port",
          ValueType.integer(0, 65535),
          8080,
          "The HTTP port; 0 picks a free port (the server prints the one it took).");

  public static final Setting<Path> DATA_DIR =
      Setting.of(
          "data.dir",
          ValueType.path(),
          Path.of("./tributary-data"),
          "Where the embedded catalog keeps its files, and where tenants (`tenants.json`),"
              + " policy files and the policy cache live. One server at a time may use a data"
              + " directory. With `embedded-inmemory` and no `data.dir`, tenants and policies"
              + " live in a temporary directory removed at exit.");

  public static final String BACKEND_BERKELEYJE = "embedded-berkeleyje";
  public static final String BACKEND_INMEMORY = "embedded-inmemory";
  public static final String BACKEND_CQL = "embedded-cql";
  public static final String BACKEND_ATLAS = "atlas";

  public static final Setting<String> CATALOG_BACKEND =
      Setting.of(
          "catalog.backend",
          catalogBackend(List.of(BACKEND_BERKELEYJE, BACKEND_INMEMORY, BACKEND_CQL, BACKEND_ATLAS)),
          BACKEND_BERKELEYJE,
          "Where the catalog lives: the embedded JanusGraph on BerkeleyJE files in `data.dir`,"
              + " in memory only (lost at exit), or on Cassandra/ScyllaDB through CQL (set"
              + " `janusgraph.storage.hostname`); or `atlas`: an existing Apache Atlas at"
              + " `atlas.url`, written through `atlas.sink`. A jar on the class path adds others"
              + " by registering an `io.tributary.catalog.spi.CatalogBackend` in"
              + " `META-INF/services`.");

  public static final Setting<String> ATLAS_URL =
      Setting.of(
          "atlas.url",
          ValueType.string(),
          "http://localhost:21000",
          "With `catalog.backend = atlas`: the Atlas server's base URL (reads, and writes with the"
              + " `rest` sink).");

  public static final Setting<String> ATLAS_USERNAME =
      Setting.of("atlas.username", ValueType.string(), "admin", "The Atlas user for REST calls.");

  public static final Setting<String> ATLAS_PASSWORD =
      Setting.of("atlas.password", ValueType.string(), null, "The Atlas user's password.")
          .asSecret();

  public static final Setting<String> ATLAS_SINK =
      Setting.of(
          "atlas.sink",
          ValueType.oneOf(List.of("rest", "notification")),
          "rest",
          "How ingested entities reach Atlas: `rest` (bulk entity API, batched, retried) or"
              + " `notification` (HookNotification V2 messages on the `ATLAS_HOOK` topic).");

  public static final Setting<String> ATLAS_HOOK_BOOTSTRAP_SERVERS =
      Setting.of(
          "atlas.hook.bootstrap-servers",
          ValueType.string(),
          "localhost:9092",
          "With `atlas.sink = notification`: the Kafka brokers Atlas reads `ATLAS_HOOK` from.");

  public static final Setting<Long> INGEST_MAX_BODY_BYTES =
      Setting.of(
          "ingest.max-body-bytes",
          ValueType.bytes(1024, 1024L * 1024 * 1024),
          5L * 1024 * 1024,
          "The largest request body the ingest endpoints read, counted after gzip"
              + " decompression; larger requests get 413.");

  public static final Setting<Integer> INGEST_BATCH_MAX =
      Setting.of(
          "ingest.batch.max",
          ValueType.integer(1, 100_000),
          256,
          "The most events committed in one catalog transaction. Batches form only under load:"
              + " a lone event is committed at once.");

  public static final Setting<Integer> INGEST_QUEUE_CAPACITY =
      Setting.of(
          "ingest.queue.capacity",
          ValueType.integer(1, 10_000_000),
          10_000,
          "The most events waiting for a commit; beyond it ingest answers 503 with"
              + " `Retry-After`.");

  public static final Setting<Integer> INGEST_MAX_DATASETS =
      Setting.of(
          EventLimit.DATASETS.key(),
          ValueType.integer(1, 10_000_000),
          EventLimits.DEFAULTS.maxDatasets(),
          "The most datasets (inputs and outputs) one OpenLineage event may name; HTTP answers"
              + " a larger event 422, Kafka dead-letters it.");

  public static final Setting<Integer> INGEST_MAX_SCHEMA_FIELDS =
      Setting.of(
          EventLimit.SCHEMA_FIELDS.key(),
          ValueType.integer(1, 10_000_000),
          EventLimits.DEFAULTS.maxSchemaFields(),
          "The most fields one schema facet may hold, nested fields included; HTTP answers a"
              + " larger event 422, Kafka dead-letters it.");

  public static final Setting<Integer> INGEST_MAX_COLUMN_LINEAGE_EDGES =
      Setting.of(
          EventLimit.COLUMN_LINEAGE_EDGES.key(),
          ValueType.integer(1, 100_000_000),
          EventLimits.DEFAULTS.maxColumnLineageEdges(),
          "The most column-lineage edges (input fields over all `columnLineage` facets) one"
              + " event may hold; HTTP answers a larger event 422, Kafka dead-letters it.");

  public static final Setting<Long> INGEST_MAX_FACET_BYTES =
      Setting.of(
          EventLimit.FACET_BYTES.key(),
          ValueType.bytes(1024, 1024L * 1024 * 1024),
          EventLimits.DEFAULTS.maxFacetBytes(),
          "The largest one facet of an event may be, as compact JSON; HTTP answers a larger"
              + " event 413, Kafka dead-letters it.");

  public static final Setting<String> INGEST_DEFAULT_TENANT =
      Setting.of(
              "ingest.default-tenant",
              ValueType.string(),
              "default",
              "The home tenant of every request while authentication is off (the tenant of"
                  + " events that name none), and of Kafka records when `kafka.ingest.tenant` is"
                  + " unset.")
          .withCheck(TenantId::new);

  public static final Setting<String> INGEST_API_KEY =
      Setting.of(
              "ingest.api-key",
              ValueType.string(),
              null,
              "While authentication is off (no `auth.users-file` or `auth.jwt.issuer`), the"
                  + " ingest endpoints require `Authorization: Bearer <key>` (what OpenLineage's"
                  + " `api_key` auth sends) when this is set. With authentication on it is refused:"
                  + " issue an API key in the users file instead.")
          .asSecret();

  public static final Setting<Boolean> KAFKA_INGEST_ENABLED =
      Setting.of(
          "kafka.ingest.enabled",
          ValueType.bool(),
          false,
          "Also read OpenLineage events from a Kafka topic written by OpenLineage's Kafka"
              + " transport.");

  public static final Setting<String> KAFKA_INGEST_BOOTSTRAP_SERVERS =
      Setting.of(
          "kafka.ingest.bootstrap-servers",
          ValueType.string(),
          "localhost:9092",
          "The Kafka brokers to read from.");

  public static final Setting<String> KAFKA_INGEST_TOPIC =
      Setting.of(
          "kafka.ingest.topic", ValueType.string(), "openlineage", "The topic of the events.");

  public static final Setting<String> KAFKA_INGEST_GROUP_ID =
      Setting.of(
          "kafka.ingest.group-id",
          ValueType.string(),
          "tributary",
          "The consumer group; catalog nodes in one group share the topic's partitions.");

  public static final Setting<String> KAFKA_INGEST_DEAD_LETTER_TOPIC =
      Setting.of(
          "kafka.ingest.dead-letter-topic",
          ValueType.string(),
          null,
          "Where invalid records are copied (with the reason in the `tributary.error` header)"
              + " before they are skipped. Unset: they are only logged and counted.");

  public static final Setting<Integer> FEED_WINDOW_SIZE =
      Setting.of(
          "feed.window-size",
          ValueType.integer(1, 10_000_000),
          100_000,
          "How many recent changes the change feed keeps, so that a client reconnecting with"
              + " `Last-Event-ID` misses nothing.");

  public static final Setting<Duration> FEED_HEARTBEAT =
      Setting.of(
          "feed.heartbeat-interval",
          ValueType.duration(Duration.ofMillis(100), Duration.ofMinutes(10)),
          Duration.ofSeconds(15),
          "How often an idle change-feed stream sends a comment, which keeps proxies from"
              + " closing it and finds closed connections.");

  public static final Setting<String> KAFKA_INGEST_TENANT =
      Setting.of(
              "kafka.ingest.tenant",
              ValueType.string(),
              null,
              "The tenant of the topic's records that name none (no `tributary.tenant` header, no"
                  + " `tenant:<id>` key, no `tributary_tenant` run facet). Unset:"
                  + " `ingest.default-tenant`.")
          .withCheck(TenantId::new);

  public static final Setting<List<String>> KAFKA_INGEST_ROLES =
      Setting.of(
          "kafka.ingest.roles",
          ValueType.list(),
          null,
          "The Ranger roles the Kafka consumer acts with (user `kafka:<topic>`): every record's"
              + " tenant, whether it comes from the header, the key, the body or"
              + " `kafka.ingest.tenant`, must be writable with them, else the record is refused"
              + " and dead-lettered. Unset: `<topic tenant>.writer`, so the topic feeds only its"
              + " own tenant; list more writer roles (or `platform-admin`) for a shared topic.");

  public static final Setting<Path> AUTH_USERS_FILE =
      Setting.of(
          "auth.users-file",
          ValueType.path(),
          null,
          "The users file: users with PBKDF2 password hashes and API keys with SHA-256 hashes,"
              + " their groups, roles and home tenant (docs/tenancy-and-policy.md); managed with"
              + " `tributary users` or the admin API, and read again when it changes. With neither"
              + " users nor `auth.jwt.issuer` at start, authentication is off: the server listens"
              + " on 127.0.0.1 only and every request acts as the platform administrator of the"
              + " `default` tenant.");

  public static final Setting<Duration> AUTH_USERS_POLL_INTERVAL =
      Setting.of(
          "auth.users-poll-interval",
          ValueType.duration(Duration.ofMillis(100), Duration.ofMinutes(10)),
          Duration.ofSeconds(5),
          "How often the users file is read again: a user removed or an API key revoked by"
              + " editing the file is refused from then on (changes through the admin API apply"
              + " at once). A malformed file is logged and the last good one stays in force.");

  public static final Setting<String> AUTH_JWT_ISSUER =
      Setting.of(
          "auth.jwt.issuer",
          ValueType.string(),
          null,
          "Accept `Authorization: Bearer <JWT>` signed by this issuer (`iss`), RS256 or ES256;"
              + " needs `auth.jwt.jwks-url` or `auth.jwt.jwks-file`.");

  public static final Setting<String> AUTH_JWT_JWKS_URL =
      Setting.of(
          "auth.jwt.jwks-url",
          ValueType.string(),
          null,
          "The issuer's JWK set (`https://idp/.well-known/jwks.json`), fetched and cached, fetched"
              + " again for an unknown key id.");

  public static final Setting<Path> AUTH_JWT_JWKS_FILE =
      Setting.of(
          "auth.jwt.jwks-file",
          ValueType.path(),
          null,
          "The issuer's JWK set in a local file, instead of `auth.jwt.jwks-url`.");

  public static final Setting<String> AUTH_JWT_AUDIENCE =
      Setting.of(
          "auth.jwt.audience",
          ValueType.string(),
          null,
          "When set, a token's `aud` must contain it.");

  public static final Setting<String> AUTH_JWT_USER_CLAIM =
      Setting.of(
          "auth.jwt.user-claim",
          ValueType.string(),
          "sub",
          "The claim holding the user name Ranger policies name.");

  public static final Setting<String> AUTH_JWT_GROUPS_CLAIM =
      Setting.of(
          "auth.jwt.groups-claim",
          ValueType.string(),
          "groups",
          "The claim holding the user's groups; a dotted name walks into objects"
              + " (`realm_access.groups`).");

  public static final Setting<String> AUTH_JWT_ROLES_CLAIM =
      Setting.of(
          "auth.jwt.roles-claim",
          ValueType.string(),
          "roles",
          "The claim holding Ranger roles (`acme.writer`, `platform-admin`); a dotted name walks"
              + " into objects (`realm_access.roles`).");

  public static final Setting<String> AUTH_JWT_TENANT_CLAIM =
      Setting.of(
          "auth.jwt.tenant-claim",
          ValueType.string(),
          "tenant",
          "The claim holding the user's home tenant (`default` when absent).");

  public static final Setting<Duration> AUTH_JWT_CLOCK_SKEW =
      Setting.of(
          "auth.jwt.clock-skew",
          ValueType.duration(Duration.ZERO, Duration.ofMinutes(10)),
          Duration.ofSeconds(60),
          "Tolerance on a token's `exp` and `nbf`.");

  public static final Setting<Boolean> AUTH_METRICS_PUBLIC =
      Setting.of(
          "auth.metrics-public",
          ValueType.bool(),
          false,
          "Whether `/metrics` answers without credentials when authentication is on. Off by"
              + " default: the meters name topics and tenants; Prometheus can send an API key"
              + " (`authorization: {credentials: trb_...}`). `/health` and the web UI's files"
              + " never need credentials.");

  public static final String POLICY_SOURCE_LOCAL = "local";
  public static final String POLICY_SOURCE_RANGER_ADMIN = "ranger-admin";

  public static final Setting<String> POLICY_SOURCE =
      Setting.of(
          "policy.source",
          ValueType.oneOf(List.of(POLICY_SOURCE_LOCAL, POLICY_SOURCE_RANGER_ADMIN)),
          POLICY_SOURCE_LOCAL,
          "Where Ranger policies live: JSON files in `policy.local.dir` (no Ranger server"
              + " needed), or Ranger Admin at `policy.ranger-admin.url`, which also receives the"
              + " policies of tenants and shares.");

  public static final Setting<Path> POLICY_LOCAL_DIR =
      Setting.of(
          "policy.local.dir",
          ValueType.path(),
          null,
          "The directory of policy files (Ranger `ServicePolicies` JSON), read again at every"
              + " poll; a malformed file is rejected and its last good content stays in force."
              + " Unset: `<data.dir>/policies`.");

  public static final Setting<Path> POLICY_TAGS_FILE =
      Setting.of(
          "policy.tags-file",
          ValueType.path(),
          null,
          "A Ranger `ServiceTags` file for tag policies (local source only). Unset:"
              + " `<data.dir>/tags.json`, if it exists.");

  public static final Setting<String> POLICY_RANGER_ADMIN_URL =
      Setting.of(
          "policy.ranger-admin.url",
          ValueType.string(),
          null,
          "Ranger Admin's base URL, such as `http://ranger:6080` (with `policy.source:"
              + " ranger-admin`).");

  public static final Setting<String> POLICY_RANGER_ADMIN_SERVICE =
      Setting.of(
          "policy.ranger-admin.service-name",
          ValueType.string(),
          "tributary",
          "The name of the `tributary` service in Ranger Admin.");

  public static final Setting<String> POLICY_RANGER_ADMIN_USERNAME =
      Setting.of(
          "policy.ranger-admin.username",
          ValueType.string(),
          null,
          "The Ranger Admin user that writes the policies of tenants and shares.");

  public static final Setting<String> POLICY_RANGER_ADMIN_PASSWORD =
      Setting.of(
              "policy.ranger-admin.password",
              ValueType.string(),
              null,
              "The password of `policy.ranger-admin.username`.")
          .asSecret();

  public static final Setting<Duration> POLICY_POLL_INTERVAL =
      Setting.of(
          "policy.poll-interval",
          ValueType.duration(Duration.ofMillis(100), Duration.ofHours(1)),
          Duration.ofSeconds(30),
          "How often policies (and tags) are read again; changes made through the tenant API"
              + " are picked up at once.");

  public static final Setting<Path> POLICY_CACHE_DIR =
      Setting.of(
          "policy.cache-dir",
          ValueType.path(),
          null,
          "Where the Ranger plugin keeps the last policies, roles and tags it loaded, used when"
              + " the source cannot be reached at start. Unset: `<data.dir>/ranger-cache`.");

  public static final String AUDIT_LOG = "log";
  public static final String AUDIT_KAFKA = "kafka";

  public static final Setting<String> AUDIT_SINK =
      Setting.of(
          "audit.sink",
          ValueType.oneOf(List.of(AUDIT_LOG, AUDIT_KAFKA)),
          AUDIT_LOG,
          "Where access decisions are audited: the SLF4J logger `tributary.audit` (route it to"
              + " its own file in logback.xml), or a Kafka topic keyed by tenant.");

  public static final Setting<String> AUDIT_KAFKA_BOOTSTRAP_SERVERS =
      Setting.of(
          "audit.kafka.bootstrap-servers",
          ValueType.string(),
          null,
          "The brokers of the audit topic (with `audit.sink: kafka`). Unset:"
              + " `kafka.ingest.bootstrap-servers`.");

  public static final Setting<String> AUDIT_KAFKA_TOPIC =
      Setting.of(
          "audit.kafka.topic",
          ValueType.string(),
          "tributary_audit",
          "The audit topic (with `audit.sink: kafka`).");

  public static final Setting<Double> QUOTA_DEFAULT_EVENTS_PER_SECOND =
      Setting.of(
          "quota.default.events-per-second",
          ValueType.number(0, 1_000_000),
          0.0,
          "The ingest rate given to tenants created without quotas of their own; 0: unlimited."
              + " An event over it is answered 429 with `Retry-After`.");

  public static final Setting<Integer> QUOTA_DEFAULT_BURST =
      Setting.of(
          "quota.default.burst",
          ValueType.integer(0, 100_000_000),
          0,
          "The events a new tenant may send at once above its rate (at least one second's"
              + " worth).");

  public static final PrefixSetting JANUSGRAPH =
      new PrefixSetting(
          "janusgraph.",
          "Passed to JanusGraph with the prefix removed, after Tributary's own storage"
              + " settings, so they can override them.",
          "janusgraph.storage.berkeleyje.cache-percentage: 20");

  public static final PrefixSetting NAMESPACE_CLUSTER =
      new PrefixSetting(
          "namespace.cluster.",
          "Maps OpenLineage dataset namespaces to cluster names: `namespace.cluster.<glob>:"
              + " <cluster>` (`*` any run of characters, `?` one; a glob with `://` matches the"
              + " whole namespace, one without it the `host:port` or the host). A topic `orders`"
              + " in a matching namespace becomes `orders@<cluster>`; an unmatched namespace is"
              + " named by its `host:port`. In a properties file write `:` in a key as `\\:`.",
          "namespace.cluster.kafka://broker-*.prod:9092: prod");

  public static final List<Setting<?>> ALL =
      List.of(
          CONFIG_FILE,
          SERVER_HOST,
          SERVER_PORT,
          DATA_DIR,
          CATALOG_BACKEND,
          ATLAS_URL,
          ATLAS_USERNAME,
          ATLAS_PASSWORD,
          ATLAS_SINK,
          ATLAS_HOOK_BOOTSTRAP_SERVERS,
          INGEST_MAX_BODY_BYTES,
          INGEST_BATCH_MAX,
          INGEST_QUEUE_CAPACITY,
          INGEST_MAX_DATASETS,
          INGEST_MAX_SCHEMA_FIELDS,
          INGEST_MAX_COLUMN_LINEAGE_EDGES,
          INGEST_MAX_FACET_BYTES,
          INGEST_DEFAULT_TENANT,
          INGEST_API_KEY,
          KAFKA_INGEST_ENABLED,
          KAFKA_INGEST_BOOTSTRAP_SERVERS,
          KAFKA_INGEST_TOPIC,
          KAFKA_INGEST_GROUP_ID,
          KAFKA_INGEST_DEAD_LETTER_TOPIC,
          KAFKA_INGEST_TENANT,
          KAFKA_INGEST_ROLES,
          FEED_WINDOW_SIZE,
          FEED_HEARTBEAT,
          AUTH_USERS_FILE,
          AUTH_USERS_POLL_INTERVAL,
          AUTH_JWT_ISSUER,
          AUTH_JWT_JWKS_URL,
          AUTH_JWT_JWKS_FILE,
          AUTH_JWT_AUDIENCE,
          AUTH_JWT_USER_CLAIM,
          AUTH_JWT_GROUPS_CLAIM,
          AUTH_JWT_ROLES_CLAIM,
          AUTH_JWT_TENANT_CLAIM,
          AUTH_JWT_CLOCK_SKEW,
          AUTH_METRICS_PUBLIC,
          POLICY_SOURCE,
          POLICY_LOCAL_DIR,
          POLICY_TAGS_FILE,
          POLICY_RANGER_ADMIN_URL,
          POLICY_RANGER_ADMIN_SERVICE,
          POLICY_RANGER_ADMIN_USERNAME,
          POLICY_RANGER_ADMIN_PASSWORD,
          POLICY_POLL_INTERVAL,
          POLICY_CACHE_DIR,
          AUDIT_SINK,
          AUDIT_KAFKA_BOOTSTRAP_SERVERS,
          AUDIT_KAFKA_TOPIC,
          QUOTA_DEFAULT_EVENTS_PER_SECOND,
          QUOTA_DEFAULT_BURST);

  public static final PrefixSetting RANGER_PLUGIN =
      new PrefixSetting(
          "ranger.plugin.tributary.",
          "Passed to the Ranger plugin as they are, after Tributary's own, so they can override"
              + " them: Ranger Admin's TLS settings, audit and refresher options.",
          "ranger.plugin.tributary.policy.rest.ssl.config.file: /etc/tributary/ranger-ssl.xml");

  public static final List<PrefixSetting> PREFIXES =
      List.of(JANUSGRAPH, NAMESPACE_CLUSTER, RANGER_PLUGIN);

  private Settings() {}

  /** The name of a catalog backend on the class path: ours, or a plug-in's. */
  private static ValueType<String> catalogBackend(List<String> ours) {
    return new ValueType<>(
        "one of " + String.join(", ", ours) + ", or a plug-in's catalog backend",
        text -> {
          try {
            return CatalogBackends.named(text).name();
          } catch (UnknownCatalogBackendException e) {
            throw new IllegalArgumentException(e.getMessage());
          }
        },
        name -> name);
  }

  public static Optional<Setting<?>> find(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public static Optional<PrefixSetting> findPrefix(String key) {
    return PREFIXES.stream().filter(p -> p.matches(key)).findFirst();
  }
}

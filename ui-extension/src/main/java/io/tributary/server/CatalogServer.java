package io.tributary.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.atlas.AtlasJson;
import io.tributary.atlas.AtlasTypedefStore;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.CatalogSettings;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.spi.CatalogBackends;
import io.tributary.catalog.spi.CatalogContext;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.config.Configuration;
import io.tributary.config.PrefixSetting;
import io.tributary.config.Setting;
import io.tributary.contract.TenantId;
import io.tributary.ingest.EventLimits;
import io.tributary.ingest.GroupCommitter;
import io.tributary.ingest.IngestPipeline;
import io.tributary.ingest.IngestSettings;
import io.tributary.ingest.KafkaLineageConsumer;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import io.tributary.ranger.EntityResources;
import io.tributary.ranger.Principal;
import io.tributary.ranger.auth.AuthSettings;
import io.tributary.ranger.auth.Authenticator;
import io.tributary.ranger.auth.UsersStore;
import io.tributary.ranger.bootstrap.PolicyServices;
import io.tributary.ranger.governance.Approvals;
import io.tributary.ranger.governance.ClassificationEngine;
import io.tributary.ranger.governance.GovernanceContext;
import io.tributary.ranger.governance.GovernanceSettings;
import io.tributary.ranger.governance.GovernanceStore;
import io.tributary.ranger.governance.KafkaAlerts;
import io.tributary.ranger.governance.Quality;
import io.tributary.ranger.governance.Retention;
import io.tributary.ranger.governance.Stewardship;
import io.tributary.ranger.governance.WebhookAlerts;
import io.tributary.ranger.quota.EntityQuota;
import io.tributary.search.CatalogSearch;
import io.tributary.search.SearchSettings;
import io.tributary.server.api.EntityResource;
import io.tributary.server.api.FeedResource;
import io.tributary.server.api.FeedStreams;
import io.tributary.server.api.ImpactResource;
import io.tributary.server.api.LineageResource;
import io.tributary.server.api.SearchResource;
import io.tributary.server.api.StatsResource;
import io.tributary.server.api.Views;
import io.tributary.server.atlas.AtlasApiService;
import io.tributary.server.atlas.AtlasV2Resource;
import io.tributary.server.dashboards.DashboardsResource;
import io.tributary.server.export.LineageExportResource;
import io.tributary.server.export.LineageExporters;
import io.tributary.server.export.NodeKinds;
import io.tributary.server.governance.GovernanceRequests;
import io.tributary.server.governance.GovernanceResource;
import io.tributary.server.governance.ProposalResource;
import io.tributary.server.governance.QualityResource;
import io.tributary.server.governance.RetentionResource;
import io.tributary.server.governance.StewardshipResource;
import io.tributary.server.ingest.EventBodyReader;
import io.tributary.server.ingest.LineageIngest;
import io.tributary.server.layout.LayeredLayout;
import io.tributary.server.layout.LayoutResource;
import io.tributary.server.problem.MalformedRequestAddOn;
import io.tributary.server.problem.ProblemErrorPages;
import io.tributary.server.problem.ProblemMapper;
import io.tributary.server.search.AskResource;
import io.tributary.server.search.InsightsResource;
import io.tributary.server.search.SummaryResource;
import io.tributary.server.security.AuthenticationFilter;
import io.tributary.server.security.CanonicalPathHandler;
import io.tributary.server.security.KafkaIngestPolicy;
import io.tributary.server.security.PolicySetup;
import io.tributary.server.security.PublicRoutes;
import io.tributary.server.tenants.TenantDataEraser;
import io.tributary.server.tenants.TenantResource;
import io.tributary.server.users.ApiKeysResource;
import io.tributary.server.users.UsersResource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.http2.Http2AddOn;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the catalog server: builds every part from the configuration through
 * constructors, starts them in order, and stops them in reverse: first stop accepting requests,
 * then drain the committer, then close the catalog.
 */
public final class CatalogServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogServer.class);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration HTTP_GRACE = Duration.ofSeconds(10);
  private static final AtlasJson ATLAS_JSON = new AtlasJson();
  private static final String LOOPBACK = "127.0.0.1";

  private final Deque<AutoCloseable> parts;
  private final HttpServer http;
  private final URI uri;
  private final Runnable stopAccepting;
  private final ResourceConfig resources;

  private CatalogServer(
      Deque<AutoCloseable> parts,
      HttpServer http,
      URI uri,
      Runnable stopAccepting,
      ResourceConfig resources) {
    this.parts = parts;
    this.http = http;
    this.uri = uri;
    this.stopAccepting = stopAccepting;
    this.resources = resources;
  }

  /**
   * Opens the catalog and starts serving.
   *
   * @throws io.tributary.catalog.CatalogUnavailableException when another server holds the data
   *     directory
   */
  public static CatalogServer start(Configuration config) {
    Deque<AutoCloseable> parts = new ArrayDeque<>();
    try {
      return start(config, parts);
    } catch (RuntimeException | Error e) {
      closeAll(parts);
      throw e;
    }
  }

  private static CatalogServer start(Configuration config, Deque<AutoCloseable> parts) {
    LOG.info("catalog server: starting with {}", config.describeSet());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    parts.push(registry::close);
    bindJvmMetrics(registry, parts);
    ObjectMapper json =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    Views views = new Views(json);

    UsersStore users = PolicySetup.users(config);
    parts.push(users);
    Authenticator authenticator = PolicySetup.authenticator(config, users);
    TypeRegistry types = TypeRegistry.builtIn();
    GovernanceStore.registerTypes(types);
    ChangeFeed feed =
        new ChangeFeed(config.get(CatalogSettings.FEED_WINDOW_SIZE), Clock.systemUTC());
    Catalog catalog = openCatalog(config, types, feed, registry);
    parts.push(catalog);
    ClusterParts cluster = ClusterParts.start(config, feed, registry, parts);
    Path policyState = PolicySetup.stateDirectory(config);
    if (!policyState.equals(config.get(ServerSettings.DATA_DIR))) {
      parts.push(() -> PolicySetup.deleteTree(policyState));
    }
    Optional<CatalogSearch> search = startSearch(config, catalog, types);
    search.ifPresent(parts::push);
    PolicyServices started =
        PolicySetup.start(
            config, types, policyState, authenticator, cluster.tenantStore(policyState));
    parts.push(started);
    PolicyServices policies = cluster.withSharedQuotas(started, parts);
    LOG.info("catalog server: {}", policies.authenticator().describe());

    EventTranslator translator =
        EventTranslator.create(
            NamespaceResolver.of(config.withPrefix(IngestSettings.NAMESPACE_CLUSTER)));
    GroupCommitter committer =
        GroupCommitter.start(
            catalog,
            new GroupCommitter.Settings(
                config.get(IngestSettings.BATCH_MAX),
                config.get(IngestSettings.QUEUE_CAPACITY),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30)),
            registry);
    parts.push(committer);
    ClassificationEngine classification =
        new ClassificationEngine(
            tenant ->
                policies
                    .tenants()
                    .get(tenant)
                    .map(t -> t.config().classificationRules())
                    .orElse(java.util.List.of()),
            catalog,
            types,
            Clock.systemUTC());
    parts.push(classification);
    GovernanceContext governance =
        new GovernanceContext(
            catalog,
            new GovernanceStore(catalog, Clock.systemUTC()),
            types,
            new EntityResources(types, EntityResources.DEFAULT_NAMESPACE),
            () -> policies.tenants().list().stream().map(t -> t.id()).toList(),
            Clock.systemUTC());
    Retention retention =
        new Retention(
            governance,
            tenant ->
                policies
                    .tenants()
                    .get(tenant)
                    .map(t -> java.util.Optional.ofNullable(t.config().retention()))
                    .orElse(java.util.Optional.empty()),
            policies.audit());
    retention.schedule(config.get(GovernanceSettings.RETENTION_INTERVAL));
    parts.push(retention);
    Stewardship stewardship = new Stewardship(governance);
    stewardship.start(config.get(GovernanceSettings.ORPHAN_SCAN_INTERVAL));
    parts.push(stewardship);
    Approvals approvals =
        Approvals.builder()
            .catalog(catalog)
            .store(governance.store())
            .stewardship(stewardship)
            .retention(retention)
            .tenants(policies.tenants())
            .policiesChanged(
                () -> {
                  try {
                    policies.authorizer().refresh();
                  } catch (RuntimeException e) {
                    LOG.warn(
                        "governance: policy refresh failed; the share applies at the next"
                            + " poll: {}",
                        e.toString());
                  }
                })
            .resources(new EntityResources(types, EntityResources.DEFAULT_NAMESPACE))
            .audit(policies.audit())
            .build();
    java.util.function.Consumer<com.fasterxml.jackson.databind.JsonNode> alerts =
        stewardship::qualityAlert;
    String webhook = config.get(GovernanceSettings.WEBHOOK_URL);
    if (webhook != null) {
      alerts = alerts.andThen(new WebhookAlerts(java.net.URI.create(webhook)));
    }
    String alertBrokers = config.get(GovernanceSettings.ALERT_KAFKA_BOOTSTRAP_SERVERS);
    if (alertBrokers != null) {
      KafkaAlerts kafkaAlerts =
          new KafkaAlerts(alertBrokers, config.get(GovernanceSettings.ALERT_KAFKA_TOPIC));
      parts.push(kafkaAlerts);
      alerts = alerts.andThen(kafkaAlerts);
    }
    Quality quality = new Quality(governance, alerts);
    quality.start(config.get(GovernanceSettings.FRESHNESS_INTERVAL));
    parts.push(quality);
    EntityQuota entityQuota =
        new EntityQuota(
            policies.quotas(),
            tenant ->
                policies
                    .tenants()
                    .get(tenant)
                    .map(t -> t.config().quotas().maxEntities())
                    .orElse(0L),
            catalog);
    IngestPipeline pipeline =
        IngestPipeline.builder()
            .translator(translator)
            .committer(committer)
            .limits(eventLimits(config))
            .meterRegistry(registry)
            .catalog(catalog)
            .enricher(
                (tenant, mutation) ->
                    classification.enrich(tenant, entityQuota.enrich(tenant, mutation)))
            .build();
    TenantId defaultTenant = PolicySetup.openTenant(config);
    // In a cluster, HTTP ingest is journaled to Kafka and applied by the pipeline above.
    IngestPipeline httpPipeline = cluster.httpPipeline(pipeline, defaultTenant, parts);
    if (config.get(IngestSettings.KAFKA_ENABLED)) {
      KafkaIngestPolicy kafkaPolicy = KafkaIngestPolicy.of(config, policies);
      parts.push(
          KafkaLineageConsumer.start(
              new KafkaLineageConsumer.Settings(
                  config.get(IngestSettings.KAFKA_BOOTSTRAP_SERVERS),
                  config.get(IngestSettings.KAFKA_TOPIC),
                  config.get(IngestSettings.KAFKA_GROUP_ID),
                  config.get(IngestSettings.KAFKA_DEAD_LETTER_TOPIC),
                  Duration.ofMillis(500),
                  java.util.Map.of()),
              pipeline,
              kafkaPolicy,
              registry,
              cluster.handoff()));
    }

    FeedStreams streams =
        new FeedStreams(
            feed,
            views,
            config.get(ServerSettings.FEED_HEARTBEAT),
            config.get(CatalogSettings.FEED_WINDOW_SIZE) + 1_000,
            Clock.systemUTC(),
            registry);
    LineageIngest ingest =
        new LineageIngest(
            new EventBodyReader(json, config.get(ServerSettings.MAX_BODY_BYTES)),
            httpPipeline,
            config.get(ServerSettings.INGEST_API_KEY),
            json);
    java.util.concurrent.atomic.AtomicBoolean accepting =
        new java.util.concurrent.atomic.AtomicBoolean();

    GovernanceRequests governanceRequests =
        new GovernanceRequests(policies.tenants(), catalog, json);
    ResourceConfig resources =
        new ResourceConfig()
            .register(JacksonFeature.withoutExceptionMappers())
            .register(new ProblemMapper(json))
            .register(new HttpMetricsFilter(registry))
            .register(
                new AuthenticationFilter(
                    policies.authenticator(),
                    openPrincipal(defaultTenant),
                    policies.authorizer(),
                    policies.quotas(),
                    PublicRoutes.of(config.get(ServerSettings.METRICS_PUBLIC)),
                    json,
                    io.tributary.ranger.audit.AuditSettings.readAudit(config, policies.audit())))
            .register(new LineageResource(ingest, catalog, views, COMMIT_TIMEOUT))
            .register(new EntityResource(catalog, types, views))
            .register(new SearchResource(catalog, types, views, search))
            .register(new AskResource(search, views))
            .register(new SummaryResource(search, views))
            .register(new InsightsResource(search, views))
            .register(new ImpactResource(catalog, views))
            .register(new StatsResource(catalog, committer, views))
            .register(new FeedResource(streams, catalog))
            .register(new HealthResource(accepting::get, json))
            .register(new HealthResource.Details(accepting::get, policies.authorizer(), json))
            .register(new MetricsResource(registry))
            .register(new LayoutResource())
            .register(
                new LineageExportResource(
                    catalog, new NodeKinds(types), LineageExporters.load(), new LayeredLayout()))
            .register(new AtlasV2Resource(atlasApi(catalog, types, pipeline), ATLAS_JSON))
            .register(
                new TenantResource(
                    policies,
                    new TenantDataEraser(catalog),
                    json,
                    PolicySetup.defaultQuotas(config)))
            .register(new GovernanceResource(governanceRequests, classification, types))
            .register(new RetentionResource(governanceRequests, retention))
            .register(new QualityResource(governanceRequests, quality))
            .register(new StewardshipResource(governanceRequests, stewardship, approvals))
            .register(new ProposalResource(governanceRequests, approvals, types))
            .register(new DashboardsResource(catalog, json, Clock.systemUTC()))
            .register(new UsersResource(PolicySetup.userAdmin(users), json))
            .register(new ApiKeysResource(PolicySetup.userAdmin(users), json))
            .register(new StaticResources());

    String host = bindHost(config.get(ServerSettings.HOST), policies.authenticator().isOpen());
    URI bind = URI.create("http://" + host + ":" + config.get(ServerSettings.PORT) + "/");
    HttpServer http = httpServer(bind, resources, json);
    try {
      http.start();
    } catch (IOException e) {
      throw new ServerStartException(
          "Cannot listen on "
              + host
              + ":"
              + config.get(ServerSettings.PORT)
              + ": "
              + e.getMessage(),
          e);
    }
    // Streams close before HTTP stops, so that open SSE connections do not hold the shutdown.
    parts.push(streams);
    int port = http.getListeners().iterator().next().getPort();
    String shownHost = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    URI uri = URI.create("http://" + shownHost + ":" + port + "/");
    accepting.set(true);
    LOG.info("catalog server: ready at {}", uri);
    return new CatalogServer(parts, http, uri, () -> accepting.set(false), resources);
  }

  /**
   * Grizzly serving Jersey behind the canonical-path check, with problems instead of its own error
   * pages, and no server name or version in any answer.
   */
  private static HttpServer httpServer(URI bind, ResourceConfig resources, ObjectMapper json) {
    // No handler from the factory: Jersey goes in behind the canonical-path check instead.
    HttpServer http =
        GrizzlyHttpServerFactory.createHttpServer(
            bind, (GrizzlyHttpContainer) null, false, null, false);
    ServerConfiguration server = http.getServerConfiguration();
    server.addHttpHandler(
        new CanonicalPathHandler(
            ContainerFactory.createContainer(GrizzlyHttpContainer.class, resources), json),
        HttpHandlerRegistration.ROOT);
    server.setDefaultErrorPageGenerator(new ProblemErrorPages(json));
    server.setHttpServerName("");
    server.setHttpServerVersion("");
    for (NetworkListener listener : http.getListeners()) {
      listener.registerAddOn(new MalformedRequestAddOn(json));
      // Without it, Grizzly mangles requests that ask to upgrade to HTTP/2 (java.net.http does).
      listener.registerAddOn(new Http2AddOn());
    }
    return http;
  }

  /**
   * Without credentials configured, anyone who can connect is the platform administrator: such a
   * server listens on the loopback interface only, whatever {@code server.host} says.
   */
  static String bindHost(String configured, boolean open) {
    if (!open || isLoopback(configured)) {
      return configured;
    }
    LOG.warn(
        "catalog server: authentication is off, so listening on {} instead of {}; configure {} or"
            + " {} to listen on other interfaces",
        LOOPBACK,
        configured,
        AuthSettings.USERS_FILE.name(),
        AuthSettings.JWT_ISSUER.name());
    return LOOPBACK;
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.equals("::1")
        || host.equals("[::1]")
        || host.startsWith("127.");
  }

  private static Principal openPrincipal(TenantId tenant) {
    return new Principal(
        Authenticator.LOCAL.user(),
        Authenticator.LOCAL.groups(),
        Authenticator.LOCAL.roles(),
        tenant);
  }

  /**
   * The search index, kept current from the catalog's change feed on its own thread, when {@code
   * search.enabled}.
   */
  private static Optional<CatalogSearch> startSearch(
      Configuration config, Catalog catalog, TypeRegistry types) {
    if (!config.get(SearchSettings.ENABLED)) {
      return Optional.empty();
    }
    return Optional.of(
        CatalogSearch.start(
            catalog,
            types,
            new CatalogSearch.Options(
                config.get(ServerSettings.DATA_DIR),
                config.get(SearchSettings.EMBEDDINGS),
                config.get(SearchSettings.COMMIT_INTERVAL),
                config.get(SearchSettings.SILENCE_DEFAULT_INTERVAL),
                Clock.systemUTC())));
  }

  /** The backend {@code catalog.backend} names, found among the plug-ins on the class path. */
  private static Catalog openCatalog(
      Configuration config, TypeRegistry types, ChangeFeed feed, MeterRegistry meters) {
    return CatalogBackends.named(config.get(CatalogSettings.BACKEND))
        .open(
            new CatalogContext(
                config.get(ServerSettings.DATA_DIR), meters, types, feed, settingsAsText(config)));
  }

  /** Every configured value as text, defaults resolved, pass-through keys with their prefix. */
  private static Map<String, String> settingsAsText(Configuration config) {
    Map<String, String> text = new TreeMap<>();
    for (Setting<?> setting : Settings.ALL.settings()) {
      String value = asText(config, setting);
      if (value != null) {
        text.put(setting.name(), value);
      }
    }
    for (PrefixSetting prefix : Settings.ALL.prefixes()) {
      config.withPrefix(prefix).forEach((key, value) -> text.put(prefix.prefix() + key, value));
    }
    return text;
  }

  private static <T> String asText(Configuration config, Setting<T> setting) {
    T value = config.get(setting);
    return value == null ? null : setting.type().format().apply(value);
  }

  private static AtlasApiService atlasApi(
      Catalog catalog, TypeRegistry types, IngestPipeline pipeline) {
    return new AtlasApiService(
        catalog,
        AtlasTypedefStore.builtIn(types, ATLAS_JSON),
        Clock.systemUTC(),
        AtlasApiService.Writer.through(pipeline));
  }

  private static EventLimits eventLimits(Configuration config) {
    return new EventLimits(
        config.get(IngestSettings.MAX_DATASETS),
        config.get(IngestSettings.MAX_SCHEMA_FIELDS),
        config.get(IngestSettings.MAX_COLUMN_LINEAGE_EDGES),
        config.get(IngestSettings.MAX_FACET_BYTES));
  }

  private static void bindJvmMetrics(PrometheusMeterRegistry registry, Deque<AutoCloseable> parts) {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    parts.push(gc);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The resources and providers Jersey serves, for tests that walk every route. */
  ResourceConfig resources() {
    return resources;
  }

  /** The base URI clients use, with the port actually taken. */
  public URI uri() {
    return uri;
  }

  /**
   * Stops accepting requests, lets requests in flight finish, commits what is queued, closes the
   * catalog. Safe to call more than once.
   */
  @Override
  public synchronized void close() {
    if (parts.isEmpty()) {
      return;
    }
    LOG.info("catalog server: stopping");
    stopAccepting.run();
    AutoCloseable streams = parts.pop();
    closeQuietly(streams);
    try {
      http.shutdown(HTTP_GRACE.toMillis(), TimeUnit.MILLISECONDS)
          .get(HTTP_GRACE.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("catalog server: HTTP shutdown did not finish cleanly: {}", e.toString());
      http.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      http.shutdownNow();
    }
    closeAll(parts);
    LOG.info("catalog server: stopped");
  }

  private static void closeAll(Deque<AutoCloseable> parts) {
    while (!parts.isEmpty()) {
      closeQuietly(parts.pop());
    }
  }

  private static void closeQuietly(AutoCloseable part) {
    try {
      part.close();
    } catch (Exception e) {
      LOG.warn("catalog server: closing {} failed", part, e);
    }
  }
}

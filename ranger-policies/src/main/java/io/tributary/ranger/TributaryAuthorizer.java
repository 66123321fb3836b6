package io.tributary.ranger;

import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import io.tributary.ranger.audit.AuditRecord;
import io.tributary.ranger.audit.AuditSink;
import io.tributary.ranger.audit.AuditingResultProcessor;
import io.tributary.ranger.enrich.ClassificationEnricher;
import io.tributary.ranger.servicedef.ServiceDefinitions;
import io.tributary.ranger.source.LocalPolicySource;
import io.tributary.ranger.source.PolicyFileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ranger.audit.model.AuthzAuditEvent;
import org.apache.ranger.authorization.hadoop.config.RangerPluginConfig;
import org.apache.ranger.plugin.contextenricher.RangerTagEnricher;
import org.apache.ranger.plugin.policyengine.RangerAccessRequestImpl;
import org.apache.ranger.plugin.policyengine.RangerAccessResourceImpl;
import org.apache.ranger.plugin.policyengine.RangerAccessResult;
import org.apache.ranger.plugin.service.RangerBasePlugin;
import org.apache.ranger.plugin.util.ServicePolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides every access with Ranger's policy engine ({@code RangerBasePlugin}), with policies from
 * local files or Ranger Admin, and audits the decisions.
 *
 * <p>Thread-safe. Policy changes take effect at the next poll of the policy source, without a
 * restart.
 */
public final class TributaryAuthorizer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TributaryAuthorizer.class);

  /**
   * How long a write decision answers again for the same principal and tenant under the same policy
   * version: long enough that ingest at thousands of events per second evaluates rarely, short
   * enough to follow a policy's validity schedule and Ranger Admin's role changes.
   */
  static final Duration WRITE_DECISION_TTL = Duration.ofSeconds(1);

  /** How often the audit summaries of repeated write decisions are written. */
  static final Duration SUMMARY_INTERVAL = Duration.ofSeconds(5);

  private final WatchedPlugin plugin;
  private final AtomicLong readEvaluations = new AtomicLong();
  private final AuditingResultProcessor audit;
  private final EntityResources resources;
  private final AuthorizerConfig config;
  private final WriteDecisions writes;
  private final ScheduledExecutorService summaries;
  private final ReadDecisions reads;

  /** Ranger's plugin, noting where the policies it is given tell dataset and job names apart. */
  private static final class WatchedPlugin extends RangerBasePlugin {
    private volatile NameUse names = NameUse.everywhere(-1);

    WatchedPlugin(RangerPluginConfig config) {
      super(config);
    }

    @Override
    public void setPolicies(ServicePolicies policies) {
      NameUse next = NameUse.of(policies);
      super.setPolicies(policies);
      names = next;
    }
  }

  private TributaryAuthorizer(
      WatchedPlugin plugin,
      AuditingResultProcessor audit,
      EntityResources resources,
      AuthorizerConfig config) {
    this.plugin = plugin;
    this.audit = audit;
    this.resources = resources;
    this.config = config;
    this.writes =
        new WriteDecisions(
            audit,
            plugin::getPoliciesVersion,
            WRITE_DECISION_TTL,
            System::nanoTime,
            Clock.systemUTC());
    this.reads = new ReadDecisions(this::decide, this::rolesOf, this::nameUse, ReadDecisions.TTL);
    this.summaries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tributary-audit-summaries");
              t.setDaemon(true);
              return t;
            });
    summaries.scheduleWithFixedDelay(
        writes::flush,
        SUMMARY_INTERVAL.toMillis(),
        SUMMARY_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Starts the Ranger plugin; returns once the first policies are loaded (about half a second). */
  public static TributaryAuthorizer start(
      AuthorizerConfig config, AuditSink auditSink, EntityResources resources) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(auditSink, "auditSink");
    Objects.requireNonNull(resources, "resources");
    try {
      Files.createDirectories(config.cacheDir());
      if (config.policyDir() != null) {
        Files.createDirectories(config.policyDir());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create Ranger directories under " + config.cacheDir(), e);
    }
    RangerPluginConfig pluginConfig =
        new RangerPluginConfig(
            ServiceDefinitions.SERVICE_TYPE,
            config.serviceName(),
            config.appId(),
            config.pluginProperties());
    WatchedPlugin plugin = new WatchedPlugin(pluginConfig);
    plugin.init();
    LOG.info(
        "Ranger authorizer started: service '{}', policies from {}, policy version {}",
        config.serviceName(),
        config.source() == AuthorizerConfig.Source.LOCAL_FILES
            ? config.policyDir()
            : config.rangerAdminUrl(),
        plugin.getPoliciesVersion());
    return new TributaryAuthorizer(
        plugin, new AuditingResultProcessor(auditSink), resources, config);
  }

  public boolean isAllowed(Principal principal, AccessType access, ResourcePath resource) {
    return isAllowed(principal, rolesOf(principal), access, resource, Set.of());
  }

  /**
   * Whether {@code principal} may {@code access} the resource carrying {@code classifications}
   * (evaluated by tag policies as tags of the resource).
   */
  public boolean isAllowed(
      Principal principal, AccessType access, ResourcePath resource, Set<String> classifications) {
    return isAllowed(principal, rolesOf(principal), access, resource, classifications);
  }

  /** Throws {@link AccessDeniedException} unless allowed. */
  public void check(Principal principal, AccessType access, ResourcePath resource) {
    if (!isAllowed(principal, access, resource)) {
      throw new AccessDeniedException(principal.user(), access, resource);
    }
  }

  /**
   * Ingest and entity writes into a tenant. Asked for every event, so the decision is remembered
   * briefly and its repeats audited as one summary record (see {@link WriteDecisions}).
   */
  public void checkWrite(Principal principal, TenantId tenant) {
    ResourcePath resource = ResourcePath.tenant(tenant);
    boolean allowed =
        writes.isAllowed(
            principal,
            tenant,
            () -> evaluate(principal, rolesOf(principal), AccessType.WRITE, resource, Set.of()));
    if (!allowed) {
      throw new AccessDeniedException(principal.user(), AccessType.WRITE, resource);
    }
  }

  /** Administration of one tenant: its configuration, quotas and shares. */
  public void checkAdmin(Principal principal, TenantId tenant) {
    check(principal, AccessType.ADMIN, ResourcePath.tenant(tenant));
  }

  /** Platform administration: creating and deleting tenants. */
  public void checkPlatformAdmin(Principal principal) {
    check(principal, AccessType.ADMIN, ResourcePath.platform());
  }

  /**
   * The visibility of one request, unaudited: an entity is visible when {@code access} is allowed
   * on its tenant/namespace/dataset-or-job with its classifications as tags.
   */
  public Visibility visibilityFor(Principal principal, AccessType access) {
    return readRequest(principal).visibility(access);
  }

  /**
   * The read decisions of one request of {@code principal}, audited as one record when it {@link
   * ReadRequest#finish finishes}. Decisions are per resource path, remembered across requests while
   * the policy version stays the same, for at most a second.
   */
  public ReadRequest readRequest(Principal principal) {
    return new ReadRequest(
        reads.of(principal),
        resources,
        config.serviceName(),
        plugin.getPoliciesVersion(),
        System.nanoTime());
  }

  /** The version of the policies in force. */
  public long policyVersion() {
    return plugin.getPoliciesVersion();
  }

  /** With local policy files: which files are in force and which were rejected. */
  public Optional<PolicyFileStatus> policyFiles() {
    return plugin.getPluginContext().getAdminClient() instanceof LocalPolicySource local
        ? Optional.of(local.status())
        : Optional.empty();
  }

  /** Polls the policy source now instead of waiting for the next poll. */
  public void refresh() {
    plugin.refreshPoliciesAndTags();
  }

  public AuthorizerConfig config() {
    return config;
  }

  boolean isAllowed(
      Principal principal,
      Set<String> roles,
      AccessType access,
      ResourcePath resource,
      Set<String> classifications) {
    RangerAccessResult result =
        plugin.isAccessAllowed(request(principal, roles, access, resource, classifications), audit);
    return result != null && result.getIsAllowed();
  }

  /** One evaluation of a read, unaudited: the request it belongs to is audited as a whole. */
  private ReadDecisions.Decided decide(
      Principal principal,
      Set<String> roles,
      AccessType access,
      ResourcePath resource,
      Set<String> classifications) {
    readEvaluations.incrementAndGet();
    RangerAccessResult result =
        plugin.isAccessAllowed(request(principal, roles, access, resource, classifications), null);
    return result == null
        ? new ReadDecisions.Decided(false, -1)
        : new ReadDecisions.Decided(result.getIsAllowed(), result.getPolicyId());
  }

  /** One evaluation, audited as Ranger decides, returning the audit record it wrote. */
  private WriteDecisions.Evaluated evaluate(
      Principal principal,
      Set<String> roles,
      AccessType access,
      ResourcePath resource,
      Set<String> classifications) {
    RangerAccessResult result =
        plugin.isAccessAllowed(request(principal, roles, access, resource, classifications), null);
    if (result == null) {
      return new WriteDecisions.Evaluated(false, null);
    }
    AuthzAuditEvent event = audit.getAuthzEvents(result);
    AuditRecord record = null;
    if (event != null) {
      record = AuditingResultProcessor.record(event);
      audit.send(record);
    }
    return new WriteDecisions.Evaluated(result.getIsAllowed(), record);
  }

  private static RangerAccessRequestImpl request(
      Principal principal,
      Set<String> roles,
      AccessType access,
      ResourcePath resource,
      Set<String> classifications) {
    RangerAccessRequestImpl request =
        new RangerAccessRequestImpl(
            new RangerAccessResourceImpl(resource.toRangerResource()),
            access.rangerName(),
            principal.user(),
            principal.groups(),
            roles);
    request.setAction(access.rangerName());
    if (!classifications.isEmpty()) {
      request.getContext().put(ClassificationEnricher.CONTEXT_KEY, classifications);
    }
    return request;
  }

  /** Where names count under the policy version {@code version}: everywhere if not known. */
  private NameUse nameUse(long version) {
    NameUse names = plugin.names;
    return names.version() == version && !tagsNameResources() ? names : NameUse.everywhere(version);
  }

  /**
   * Whether Ranger's tag enricher holds tags attached to resources (tag sync's service tags, a tags
   * file): a dataset's tags, and so its decision, may then depend on its name.
   */
  private boolean tagsNameResources() {
    RangerTagEnricher tags = plugin.getTagEnricher();
    RangerTagEnricher.EnrichedServiceTags enriched =
        tags == null ? null : tags.getEnrichedServiceTags();
    return enriched != null
        && enriched.getServiceResourceMatchers() != null
        && !enriched.getServiceResourceMatchers().isEmpty();
  }

  /** How many read decisions Ranger's engine evaluated, for tests of the decision memory. */
  long readEvaluations() {
    return readEvaluations.get();
  }

  /** The principal's own roles and those Ranger Admin gives its user and groups. */
  Set<String> rolesOf(Principal principal) {
    Set<String> fromRanger = plugin.getRolesFromUserAndGroups(principal.user(), principal.groups());
    if (fromRanger == null || fromRanger.isEmpty()) {
      return principal.roles();
    }
    Set<String> roles = new HashSet<>(principal.roles());
    roles.addAll(fromRanger);
    return roles;
  }

  @Override
  public void close() {
    summaries.shutdownNow();
    writes.flush();
    plugin.cleanup();
  }
}

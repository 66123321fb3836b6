package io.tributary.ranger.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Entity;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import io.tributary.ranger.ResourcePath;
import io.tributary.ranger.audit.AuditRecord;
import io.tributary.ranger.audit.AuditSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: a tenant's rules (records in its {@link GovernanceStore}, and the tenant's own {@code
 * retention}, which applies to every type), legal holds that block purges, a dry run of what the
 * rules would remove, and the purge itself, on demand or on a schedule. A purge deletes through the
 * catalog, which publishes each deletion on the change feed, and audits each one.
 */
public final class Retention implements AutoCloseable {
  public static final String RULE_KIND = "retention-rule";
  public static final String HOLD_KIND = "legal-hold";

  /** The id under which the tenant configuration's {@code retention} appears as a rule. */
  public static final String TENANT_DEFAULT = "tenant-retention";

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GovernanceContext context;
  private final Function<TenantId, Optional<Duration>> tenantRetention;
  private final AuditSink audit;
  private ScheduledExecutorService schedule;

  /** What a rule would remove, and what a hold keeps. */
  public record Candidate(Entity entity, String rule, String heldBy) {}

  /** The outcome of a dry run or a purge. */
  public record Report(List<Candidate> removed, List<Candidate> held) {}

  public Retention(
      GovernanceContext context,
      Function<TenantId, Optional<Duration>> tenantRetention,
      AuditSink audit) {
    this.context = Objects.requireNonNull(context, "context");
    this.tenantRetention = Objects.requireNonNull(tenantRetention, "tenantRetention");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** Purges every tenant every {@code interval}, on a daemon thread. */
  public synchronized void schedule(Duration interval) {
    if (schedule != null) {
      return;
    }
    schedule =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tributary-retention");
              t.setDaemon(true);
              return t;
            });
    schedule.scheduleWithFixedDelay(
        this::purgeAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void purgeAll() {
    for (TenantId tenant : context.tenants().get()) {
      try {
        Report report = purge(tenant, "retention-schedule");
        if (!report.removed().isEmpty()) {
          LOG.info(
              "retention: purged {} entities of tenant {} ({} held)",
              report.removed().size(),
              tenant,
              report.held().size());
        }
      } catch (RuntimeException e) {
        LOG.warn("retention: purge of tenant {} failed: {}", tenant, e.toString());
      }
    }
  }

  // Rules

  public List<RetentionRule> rules(TenantId tenant) {
    List<RetentionRule> out = new ArrayList<>();
    tenantRetention
        .apply(tenant)
        .ifPresent(d -> out.add(new RetentionRule(TENANT_DEFAULT, null, null, d)));
    for (JsonNode body : context.store().list(tenant, RULE_KIND)) {
      out.add(
          new RetentionRule(
              body.path("id").asText(),
              text(body, "typeName"),
              text(body, "classification"),
              Duration.parse(body.path("olderThan").asText())));
    }
    return out;
  }

  public void putRule(TenantId tenant, RetentionRule rule) {
    if (rule.id().equals(TENANT_DEFAULT)) {
      throw new IllegalArgumentException(
          "'" + TENANT_DEFAULT + "' is the tenant's own retention: change it on the tenant");
    }
    if (rule.typeName() != null && !context.types().hasEntityType(rule.typeName())) {
      throw new IllegalArgumentException("typeName '" + rule.typeName() + "' is not a known type");
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("id", rule.id());
    body.put("typeName", rule.typeName());
    body.put("classification", rule.classification());
    body.put("olderThan", rule.olderThan().toString());
    context.store().put(tenant, RULE_KIND, rule.id(), body);
  }

  public boolean deleteRule(TenantId tenant, String id) {
    return context.store().delete(tenant, RULE_KIND, id);
  }

  // Holds

  public List<LegalHold> holds(TenantId tenant) {
    List<LegalHold> out = new ArrayList<>();
    for (JsonNode body : context.store().list(tenant, HOLD_KIND)) {
      out.add(
          new LegalHold(
              body.path("id").asText(),
              text(body, "guid"),
              text(body, "namespace"),
              text(body, "reason"),
              text(body, "createdBy"),
              Instant.parse(body.path("created").asText())));
    }
    return out;
  }

  public LegalHold hold(TenantId tenant, String guid, String namespace, String reason, String by) {
    LegalHold hold =
        new LegalHold(
            UUID.randomUUID().toString().substring(0, 12),
            guid,
            namespace,
            reason,
            by,
            context.clock().instant());
    ObjectNode body = JSON.createObjectNode();
    body.put("id", hold.id());
    body.put("guid", guid);
    body.put("namespace", namespace);
    body.put("reason", reason);
    body.put("createdBy", by);
    body.put("created", hold.created().toString());
    context.store().put(tenant, HOLD_KIND, hold.id(), body);
    return hold;
  }

  public boolean release(TenantId tenant, String id) {
    return context.store().delete(tenant, HOLD_KIND, id);
  }

  // Dry run and purge

  /** What a purge would remove now, and what holds keep. Changes nothing. */
  public Report dryRun(TenantId tenant) {
    List<RetentionRule> rules = rules(tenant);
    if (rules.isEmpty()) {
      return new Report(List.of(), List.of());
    }
    List<LegalHold> holds = holds(tenant);
    Map<String, String> heldGuids = new LinkedHashMap<>();
    Map<String, String> heldNamespaces = new LinkedHashMap<>();
    Set<String> heldDatasets = new HashSet<>();
    for (LegalHold hold : holds) {
      if (hold.guid() != null) {
        heldGuids.put(hold.guid(), hold.id());
        context
            .catalog()
            .get(new io.tributary.catalog.Guid(hold.guid()), Visibility.all())
            .ifPresent(e -> heldDatasets.add(e.qualifiedName() + "\u0000" + hold.id()));
      } else {
        heldNamespaces.put(hold.namespace(), hold.id());
      }
    }
    Instant now = context.clock().instant();
    List<Candidate> removed = new ArrayList<>();
    List<Candidate> held = new ArrayList<>();
    for (Entity e : all(tenant)) {
      if (GovernanceStore.isRecord(e)) {
        continue;
      }
      RetentionRule rule = matching(rules, e, now);
      if (rule == null) {
        continue;
      }
      String heldBy = heldBy(e, heldGuids, heldNamespaces, heldDatasets);
      (heldBy == null ? removed : held).add(new Candidate(e, rule.id(), heldBy));
    }
    return new Report(removed, held);
  }

  /** Removes what {@link #dryRun} lists, auditing each removal as done by {@code user}. */
  public Report purge(TenantId tenant, String user) {
    Report plan = dryRun(tenant);
    List<Candidate> done = new ArrayList<>();
    for (Candidate c : plan.removed()) {
      if (context.catalog().delete(c.entity().guid())) {
        done.add(c);
        ResourcePath resource = context.resources().of(c.entity());
        audit.send(
            AuditRecord.decision(
                UUID.randomUUID().toString(),
                context.clock().instant(),
                "tributary",
                user,
                "purge",
                resource.kind().name().toLowerCase(java.util.Locale.ROOT),
                resource.tenant()
                    + "/"
                    + resource.namespace()
                    + "/"
                    + resource.name()
                    + " "
                    + c.entity().typeName()
                    + " "
                    + c.entity().qualifiedName()
                    + " (retention rule "
                    + c.rule()
                    + ")",
                true,
                -1,
                null,
                c.entity().classifications(),
                null,
                null));
      }
    }
    return new Report(done, plan.held());
  }

  private RetentionRule matching(List<RetentionRule> rules, Entity e, Instant now) {
    Instant updated = e.updateTime() == null ? e.createTime() : e.updateTime();
    if (updated == null) {
      return null;
    }
    for (RetentionRule rule : rules) {
      if (rule.typeName() != null
          && !rule.typeName().equals(e.typeName())
          && !context.types().isA(e.typeName(), rule.typeName())) {
        continue;
      }
      if (rule.classification() != null && !e.classifications().contains(rule.classification())) {
        continue;
      }
      if (updated.isBefore(now.minus(rule.olderThan()))) {
        return rule;
      }
    }
    return null;
  }

  private String heldBy(
      Entity e,
      Map<String, String> guids,
      Map<String, String> namespaces,
      Set<String> heldDatasets) {
    String byGuid = guids.get(e.guid().value());
    if (byGuid != null) {
      return byGuid;
    }
    Object dataset = e.attributes().get("datasetQualifiedName");
    Object output = e.attributes().get("outputDataset");
    for (String held : heldDatasets) {
      int cut = held.indexOf('\u0000');
      String qn = held.substring(0, cut);
      if (qn.equals(dataset) || qn.equals(output)) {
        return held.substring(cut + 1);
      }
    }
    if (!namespaces.isEmpty()) {
      return namespaces.get(context.resources().of(e).namespace());
    }
    return null;
  }

  private List<Entity> all(TenantId tenant) {
    List<Entity> out = new ArrayList<>();
    for (int offset = 0; ; offset += SearchQuery.MAX_LIMIT) {
      List<Entity> page =
          context
              .catalog()
              .search(
                  new SearchQuery(
                      null, null, null, tenant, Map.of(), SearchQuery.MAX_LIMIT, offset),
                  Visibility.all())
              .entities();
      out.addAll(page);
      if (page.size() < SearchQuery.MAX_LIMIT) {
        return out;
      }
    }
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  @Override
  public synchronized void close() {
    if (schedule != null) {
      schedule.shutdownNow();
    }
  }
}

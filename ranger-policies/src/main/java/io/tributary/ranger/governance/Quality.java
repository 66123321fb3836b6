package io.tributary.ranger.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Dependents;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-quality rules engine. Rules (per dataset, namespace or classification) are checked
 * against OpenLineage's quality facets as the catalog stores them (output and input statistics,
 * {@code dataQualityMetrics}, {@code dataQualityAssertions}) each time a dataset changes (it
 * follows the change feed, off the commit path), and freshness rules on a timer. Every change of
 * outcome (pass to fail, fail to pass) is kept as a result record in the tenant's {@link
 * GovernanceStore}, which is its history and appears on the change feed; a failure is also sent to
 * the alert sink (a webhook).
 */
public final class Quality implements AutoCloseable {
  public static final String RULE_KIND = "quality-rule";
  public static final String RESULT_KIND = "quality-result";
  public static final String LATEST_KIND = "quality-latest";

  private static final Logger LOG = LoggerFactory.getLogger(Quality.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GovernanceContext context;
  private final Dependents dependents;
  private final Consumer<JsonNode> alerts;
  private final Set<Guid> pending = ConcurrentHashMap.newKeySet();
  private final Map<TenantId, List<QualityRule>> rulesCache = new ConcurrentHashMap<>();
  private final ScheduledExecutorService worker;
  private ChangeFeed.Subscription subscription;

  public Quality(GovernanceContext context, Consumer<JsonNode> alerts) {
    this.context = Objects.requireNonNull(context, "context");
    this.dependents = new Dependents(context.types());
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tributary-quality");
              t.setDaemon(true);
              return t;
            });
  }

  /** Follows the change feed from now on, and checks freshness every {@code interval}. */
  public synchronized void start(Duration interval) {
    if (subscription != null) {
      return;
    }
    subscription = context.catalog().changes().subscribe(0, this::changed);
    worker.scheduleWithFixedDelay(
        this::checkFreshnessQuietly,
        interval.toMillis(),
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Called under the feed's lock: only notes the dataset; the worker evaluates it. */
  private void changed(ChangeEvent event) {
    EntityKey key = event.subject().key();
    if (GovernanceStore.TYPE.equals(key.typeName())
        && key.qualifiedName().startsWith("governance/" + RULE_KIND + "/")) {
      // A rule changed, maybe on another server of a cluster: read the tenant's rules again.
      rulesCache.remove(key.tenant());
      return;
    }
    if (event.kind() == ChangeEvent.Kind.ENTITY_DELETED
        || event.kind() == ChangeEvent.Kind.RELATIONSHIP_CREATED) {
      return;
    }
    // Rules are looked up by the worker: nothing here may read the catalog. A tenant known to
    // have no rules costs nothing more (most tenants: every statistics refresh comes here).
    if (!isDataset(key.typeName())) {
      return;
    }
    List<QualityRule> known = rulesCache.get(key.tenant());
    if (known != null && known.isEmpty()) {
      return;
    }
    if (pending.add(event.subject().guid())) {
      worker.execute(() -> evaluateQuietly(key.tenant(), event.subject().guid()));
    }
  }

  private void evaluateQuietly(TenantId tenant, Guid guid) {
    pending.remove(guid);
    try {
      if (rulesOf(tenant).isEmpty()) {
        return;
      }
      context.catalog().get(guid, Visibility.all()).ifPresent(this::evaluate);
    } catch (RuntimeException e) {
      LOG.warn("quality: evaluating {} failed: {}", guid, e.toString());
    }
  }

  private void checkFreshnessQuietly() {
    try {
      for (TenantId tenant : context.tenants().get()) {
        checkFreshness(tenant);
      }
    } catch (RuntimeException e) {
      LOG.warn("quality: freshness check failed: {}", e.toString());
    }
  }

  // Rules

  public List<QualityRule> rules(TenantId tenant) {
    return rulesOf(tenant);
  }

  private List<QualityRule> rulesOf(TenantId tenant) {
    return rulesCache.computeIfAbsent(tenant, this::load);
  }

  private List<QualityRule> load(TenantId tenant) {
    List<QualityRule> out = new ArrayList<>();
    for (JsonNode b : context.store().list(tenant, RULE_KIND)) {
      out.add(
          new QualityRule(
              b.path("id").asText(),
              text(b, "dataset"),
              text(b, "namespace"),
              text(b, "classification"),
              QualityRule.Metric.parse(b.path("metric").asText()),
              text(b, "column"),
              number(b, "min"),
              number(b, "max"),
              text(b, "maxAge") == null ? null : Duration.parse(text(b, "maxAge"))));
    }
    out.sort(Comparator.comparing(QualityRule::id));
    return List.copyOf(out);
  }

  public void putRule(TenantId tenant, QualityRule rule) {
    context.store().put(tenant, RULE_KIND, rule.id(), toJson(rule));
    rulesCache.remove(tenant);
  }

  public boolean deleteRule(TenantId tenant, String id) {
    boolean deleted = context.store().delete(tenant, RULE_KIND, id);
    rulesCache.remove(tenant);
    return deleted;
  }

  public static ObjectNode toJson(QualityRule rule) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", rule.id());
    body.put("dataset", rule.dataset());
    body.put("namespace", rule.namespace());
    body.put("classification", rule.classification());
    body.put("metric", rule.metric().jsonName());
    body.put("column", rule.column());
    body.put("min", rule.min());
    body.put("max", rule.max());
    body.put("maxAge", rule.maxAge() == null ? null : rule.maxAge().toString());
    return body;
  }

  // Evaluation

  /** Checks every non-freshness rule whose scope holds the dataset. */
  public List<QualityResult> evaluate(Entity dataset) {
    List<QualityResult> out = new ArrayList<>();
    for (QualityRule rule : rulesOf(dataset.tenant())) {
      if (rule.metric() != QualityRule.Metric.FRESHNESS && inScope(rule, dataset)) {
        out.add(record(dataset, rule, measure(rule, dataset)));
      }
    }
    return out;
  }

  /** Checks the tenant's freshness rules now. */
  public List<QualityResult> checkFreshness(TenantId tenant) {
    List<QualityResult> out = new ArrayList<>();
    Instant now = context.clock().instant();
    for (QualityRule rule : rulesOf(tenant)) {
      if (rule.metric() != QualityRule.Metric.FRESHNESS) {
        continue;
      }
      for (Entity dataset : scope(tenant, rule)) {
        Instant seen = dataset.updateTime() == null ? dataset.createTime() : dataset.updateTime();
        double silence =
            seen == null ? Double.MAX_VALUE : Duration.between(seen, now).toMillis() / 1e3;
        out.add(record(dataset, rule, silence));
      }
    }
    return out;
  }

  private List<Entity> scope(TenantId tenant, QualityRule rule) {
    if (rule.dataset() != null) {
      List<Entity> out = new ArrayList<>();
      for (Entity e :
          context
              .catalog()
              .search(
                  new SearchQuery(
                      null, Types.DATASET, null, tenant, Map.of(), SearchQuery.MAX_LIMIT, 0),
                  Visibility.all())
              .entities()) {
        if (e.qualifiedName().equals(rule.dataset())) {
          out.add(e);
        }
      }
      return out;
    }
    List<Entity> out = new ArrayList<>();
    for (int offset = 0; ; offset += SearchQuery.MAX_LIMIT) {
      List<Entity> page =
          context
              .catalog()
              .search(
                  new SearchQuery(
                      null,
                      Types.DATASET,
                      rule.classification(),
                      tenant,
                      Map.of(),
                      SearchQuery.MAX_LIMIT,
                      offset),
                  Visibility.all())
              .entities();
      for (Entity e : page) {
        if (isDataset(e.typeName()) && inScope(rule, e)) {
          out.add(e);
        }
      }
      if (page.size() < SearchQuery.MAX_LIMIT) {
        return out;
      }
    }
  }

  private boolean inScope(QualityRule rule, Entity dataset) {
    if (rule.dataset() != null) {
      return rule.dataset().equals(dataset.qualifiedName());
    }
    if (rule.namespace() != null) {
      return rule.namespace().equals(context.resources().of(dataset).namespace());
    }
    return rule.classification() == null
        || dataset.classifications().contains(rule.classification());
  }

  /** The rule's metric on the dataset, or null when no facet carried it. */
  static Double measure(QualityRule rule, Entity dataset) {
    Map<String, Object> a = dataset.attributes();
    JsonNode metrics = json(a.get("dataQualityMetrics"));
    return switch (rule.metric()) {
      case ROW_COUNT -> {
        Double out = number(a.get("outputRowCount"));
        yield out != null ? out : number(a.get("rowCount"));
      }
      case NULL_RATIO -> {
        JsonNode nulls = metrics.path("columnMetrics").path(rule.column()).path("nullCount");
        JsonNode rows = metrics.path("rowCount");
        yield nulls.isNumber() && rows.isNumber() && rows.asDouble() > 0
            ? nulls.asDouble() / rows.asDouble()
            : null;
      }
      case DISTINCT_COUNT -> {
        JsonNode distinct = metrics.path("columnMetrics").path(rule.column()).path("distinctCount");
        yield distinct.isNumber() ? distinct.asDouble() : null;
      }
      case ASSERTION_SUCCESS -> {
        Double passed = number(a.get("assertionsPassed"));
        Double failed = number(a.get("assertionsFailed"));
        yield passed == null || failed == null || passed + failed == 0
            ? null
            : passed / (passed + failed);
      }
      case FRESHNESS -> null;
    };
  }

  /** Keeps the outcome when it differs from the last one, and alerts on a failure. */
  private QualityResult record(Entity dataset, QualityRule rule, Double value) {
    boolean passed;
    String detail;
    if (rule.metric() == QualityRule.Metric.FRESHNESS) {
      passed = value != null && value <= rule.maxAge().toMillis() / 1e3;
      detail =
          passed
              ? "output within " + rule.maxAge()
              : "no output for " + Math.round(value) + " s (at most " + rule.maxAge() + ")";
    } else if (value == null) {
      return new QualityResult(
          rule.id(),
          dataset.guid().value(),
          dataset.qualifiedName(),
          true,
          null,
          "no facet carries " + rule.metric().jsonName(),
          context.clock().instant());
    } else {
      passed =
          (rule.min() == null || value >= rule.min())
              && (rule.max() == null || value <= rule.max());
      detail =
          rule.metric().jsonName()
              + " "
              + value
              + (passed ? " within " : " outside ")
              + "["
              + (rule.min() == null ? "" : rule.min())
              + ", "
              + (rule.max() == null ? "" : rule.max())
              + "]";
    }
    QualityResult result =
        new QualityResult(
            rule.id(),
            dataset.guid().value(),
            dataset.qualifiedName(),
            passed,
            value,
            detail,
            context.clock().instant());
    String latestId = rule.id() + "/" + dataset.guid().value();
    boolean changed =
        context.store().list(dataset.tenant(), LATEST_KIND).stream()
            .filter(b -> latestId.equals(b.path("id").asText()))
            .findFirst()
            .map(b -> b.path("passed").asBoolean() != passed)
            .orElse(true);
    if (!changed) {
      return result;
    }
    ObjectNode body = toJson(dataset.tenant(), result);
    context
        .store()
        .put(dataset.tenant(), RESULT_KIND, latestId + "/" + result.time().toEpochMilli(), body);
    ObjectNode latest = body.deepCopy();
    latest.put("id", latestId);
    context.store().put(dataset.tenant(), LATEST_KIND, latestId, latest);
    if (!passed) {
      try {
        alerts.accept(body);
      } catch (RuntimeException e) {
        LOG.warn("quality: alert for {} not sent: {}", latestId, e.toString());
      }
    }
    return result;
  }

  /** The outcome history of a tenant's datasets (or of one), oldest first. */
  public List<JsonNode> history(TenantId tenant, String datasetGuid) {
    return sorted(context.store().list(tenant, RESULT_KIND), datasetGuid);
  }

  /** The current outcome of each rule on each dataset: what a badge shows. */
  public List<JsonNode> latest(TenantId tenant, String datasetGuid) {
    return sorted(context.store().list(tenant, LATEST_KIND), datasetGuid);
  }

  private static List<JsonNode> sorted(List<JsonNode> records, String datasetGuid) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : records) {
      if (datasetGuid == null || datasetGuid.equals(r.path("datasetGuid").asText())) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(r -> r.path("time").asText()));
    return out;
  }

  private static ObjectNode toJson(TenantId tenant, QualityResult r) {
    ObjectNode body = JSON.createObjectNode();
    body.put("tenant", tenant.value());
    body.put("rule", r.rule());
    body.put("datasetGuid", r.datasetGuid());
    body.put("dataset", r.dataset());
    body.put("passed", r.passed());
    body.put("value", r.value());
    body.put("detail", r.detail());
    body.put("time", r.time().toString());
    return body;
  }

  private boolean isDataset(String type) {
    return context.types().isA(type, Types.DATASET)
        && dependents.kindOf(type) == Dependents.Kind.NONE;
  }

  private static JsonNode json(Object value) {
    if (value == null) {
      return JSON.missingNode();
    }
    try {
      return value instanceof String s ? JSON.readTree(s) : JSON.valueToTree(value);
    } catch (IOException | IllegalArgumentException e) {
      return JSON.missingNode();
    }
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }

  private static Double number(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || !v.isNumber() ? null : v.asDouble();
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  @Override
  public synchronized void close() {
    if (subscription != null) {
      subscription.close();
    }
    worker.shutdownNow();
  }
}

package io.tributary.ranger.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Dependents;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owners and stewards of a tenant's entities and namespaces, and the tasks assigned to stewards.
 * Both are governance records of the tenant ({@link GovernanceStore}), so they are isolated, stored
 * and published on the change feed as its other entities.
 *
 * <p>Tasks are made by hand or by the catalog: for a column whose name looks like personal data and
 * that carries no classification (checked as columns are written, following the change feed off the
 * commit path), for each data-quality failure ({@link #qualityAlert}), and for datasets no job
 * reads or writes ({@link #scanOrphans}, on a timer). A task the catalog made is made once per
 * subject: resolving it is the steward's answer, and it is not reopened.
 */
public final class Stewardship implements AutoCloseable {
  public static final String OWNERSHIP_KIND = "ownership";
  public static final String TASK_KIND = "task";

  /** Names that suggest personal data; a hint for a steward, not a classification. */
  static final Pattern SUSPECTED_PII =
      Pattern.compile(
          "(?i)(e_?mail|ssn|social_?security|phone|mobile|birth|dob|passport|iban|credit_?card"
              + "|card_?number|first_?name|last_?name|surname|full_?name|home_?address|street"
              + "|postcode|zip_?code|national_?id|tax_?id|ip_?address)");

  private static final Logger LOG = LoggerFactory.getLogger(Stewardship.class);
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private final GovernanceContext context;
  private final Dependents dependents;
  private final Set<Guid> pending = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "governance-stewardship");
            t.setDaemon(true);
            return t;
          });
  private volatile Consumer<StewardTask> created = t -> {};
  private ChangeFeed.Subscription subscription;

  public Stewardship(GovernanceContext context) {
    this.context = Objects.requireNonNull(context, "context");
    this.dependents = new Dependents(context.types());
  }

  /** Follows the change feed for suspected PII, and looks for orphans every {@code interval}. */
  public synchronized void start(Duration interval) {
    if (subscription != null) {
      return;
    }
    subscription = context.catalog().changes().subscribe(0, this::changed);
    worker.scheduleWithFixedDelay(
        this::scanQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  // Owners and stewards

  public Ownership putOwnership(
      TenantId tenant,
      String entityGuid,
      String namespace,
      List<String> owners,
      List<String> stewards,
      String user) {
    Ownership o =
        new Ownership(entityGuid, namespace, owners, stewards, user, context.clock().instant());
    context.store().put(tenant, OWNERSHIP_KIND, o.id(), JSON.valueToTree(o));
    return o;
  }

  public Optional<Ownership> ownership(TenantId tenant, String entityGuid, String namespace) {
    String id =
        new Ownership(entityGuid, namespace, List.of(), List.of(), null, context.clock().instant())
            .id();
    return ownerships(tenant).stream().filter(o -> o.id().equals(id)).findFirst();
  }

  public List<Ownership> ownerships(TenantId tenant) {
    List<Ownership> out = new ArrayList<>();
    for (JsonNode b : context.store().list(tenant, OWNERSHIP_KIND)) {
      out.add(read(b, Ownership.class));
    }
    out.sort(Comparator.comparing(Ownership::id));
    return out;
  }

  /**
   * Who owns and stewards an entity: owners set through the API, else those of the ownership facet;
   * stewards of the entity, else of its namespace.
   */
  public Stewards stewardsOf(Entity entity) {
    List<Ownership> all = ownerships(entity.tenant());
    String namespace = context.resources().of(entity).namespace();
    Optional<Ownership> own =
        all.stream().filter(o -> entity.guid().value().equals(o.entityGuid())).findFirst();
    Optional<Ownership> ns = all.stream().filter(o -> namespace.equals(o.namespace())).findFirst();
    List<String> owners;
    String ownersFrom;
    if (own.isPresent() && !own.get().owners().isEmpty()) {
      owners = own.get().owners();
      ownersFrom = "api";
    } else if (entity.attributes().get("owners") instanceof List<?> list && !list.isEmpty()) {
      owners = list.stream().map(String::valueOf).toList();
      ownersFrom = "ownership-facet";
    } else if (ns.isPresent() && !ns.get().owners().isEmpty()) {
      owners = ns.get().owners();
      ownersFrom = "namespace";
    } else {
      owners = List.of();
      ownersFrom = null;
    }
    List<String> stewards;
    String stewardsFrom;
    if (own.isPresent() && !own.get().stewards().isEmpty()) {
      stewards = own.get().stewards();
      stewardsFrom = "entity";
    } else if (ns.isPresent() && !ns.get().stewards().isEmpty()) {
      stewards = ns.get().stewards();
      stewardsFrom = "namespace";
    } else {
      stewards = List.of();
      stewardsFrom = null;
    }
    return new Stewards(namespace, owners, ownersFrom, stewards, stewardsFrom);
  }

  /** Who answers for an entity, and where each list came from (null: nobody). */
  public record Stewards(
      String namespace,
      List<String> owners,
      String ownersFrom,
      List<String> stewards,
      String stewardsFrom) {}

  // Tasks

  /** A task made by hand, assigned to {@code assignee} or else the entity's first steward. */
  public StewardTask create(
      TenantId tenant, String title, String detail, Entity entity, String assignee, String user) {
    return save(
        tenant,
        new StewardTask(
            UUID.randomUUID().toString(),
            StewardTask.Kind.MANUAL,
            StewardTask.Status.OPEN,
            title,
            detail,
            entity == null ? null : entity.guid().value(),
            assignee != null ? assignee : entity == null ? null : firstSteward(entity),
            null,
            user,
            context.clock().instant(),
            null,
            List.of()));
  }

  public List<StewardTask> tasks(TenantId tenant) {
    List<StewardTask> out = new ArrayList<>();
    for (JsonNode b : context.store().list(tenant, TASK_KIND)) {
      out.add(read(b, StewardTask.class));
    }
    out.sort(Comparator.comparing(StewardTask::created).thenComparing(StewardTask::id));
    return out;
  }

  public Optional<StewardTask> task(TenantId tenant, String id) {
    return tasks(tenant).stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public synchronized StewardTask claim(TenantId tenant, StewardTask t, String user) {
    requireOpen(t);
    return save(tenant, with(t, StewardTask.Status.CLAIMED, user, t.resolution(), t.comments()));
  }

  public synchronized StewardTask comment(
      TenantId tenant, StewardTask t, String user, String text) {
    List<StewardTask.Comment> comments = new ArrayList<>(t.comments());
    comments.add(new StewardTask.Comment(user, context.clock().instant(), text));
    return save(tenant, with(t, t.status(), t.claimedBy(), t.resolution(), comments));
  }

  public synchronized StewardTask resolve(
      TenantId tenant, StewardTask t, String user, String resolution) {
    requireOpen(t);
    String by = t.claimedBy() == null ? user : t.claimedBy();
    return save(tenant, with(t, StewardTask.Status.RESOLVED, by, resolution, t.comments()));
  }

  /** Called with every task the context.catalog() makes by itself (for alerts; tests). */
  public void onCreated(Consumer<StewardTask> listener) {
    this.created = Objects.requireNonNull(listener, "listener");
  }

  private static void requireOpen(StewardTask t) {
    if (t.status() == StewardTask.Status.RESOLVED) {
      throw new IllegalStateException("task " + t.id() + " is resolved");
    }
  }

  private static StewardTask with(
      StewardTask t,
      StewardTask.Status status,
      String claimedBy,
      String resolution,
      List<StewardTask.Comment> comments) {
    return new StewardTask(
        t.id(),
        t.kind(),
        status,
        t.title(),
        t.detail(),
        t.entityGuid(),
        t.assignee(),
        claimedBy,
        t.createdBy(),
        t.created(),
        resolution,
        comments);
  }

  private StewardTask save(TenantId tenant, StewardTask t) {
    context.store().put(tenant, TASK_KIND, t.id(), JSON.valueToTree(t));
    return t;
  }

  // Tasks the catalog makes

  /** A quality failure (the alert {@link Quality} sends): a task for the dataset's steward. */
  public void qualityAlert(JsonNode alert) {
    if (alert.path("passed").asBoolean(true)) {
      return;
    }
    try {
      TenantId tenant = new TenantId(alert.path("tenant").asText());
      String guid = alert.path("datasetGuid").asText();
      String rule = alert.path("rule").asText();
      context
          .catalog()
          .get(new Guid(guid), Visibility.all())
          .ifPresent(
              e ->
                  automatic(
                      tenant,
                      StewardTask.Kind.QUALITY,
                      "quality-" + rule + "-" + guid + "-" + alert.path("time").asText(),
                      "Quality rule '" + rule + "' failed on " + e.qualifiedName(),
                      alert.path("detail").asText(null),
                      e));
    } catch (RuntimeException e) {
      LOG.warn("stewardship: quality task not made: {}", e.toString());
    }
  }

  /**
   * Makes a task for each of the tenant's datasets that no job reads or writes, once per dataset.
   *
   * @return the tasks made now
   */
  public List<StewardTask> scanOrphans(TenantId tenant) {
    List<StewardTask> made = new ArrayList<>();
    for (int offset = 0; ; offset += SearchQuery.MAX_LIMIT) {
      List<Entity> page =
          context
              .catalog()
              .search(
                  new SearchQuery(
                      null, Types.DATASET, null, tenant, Map.of(), SearchQuery.MAX_LIMIT, offset),
                  Visibility.all())
              .entities();
      for (Entity e : page) {
        if (isDataset(e.typeName()) && isOrphan(e)) {
          automatic(
                  tenant,
                  StewardTask.Kind.ORPHAN,
                  "orphan-" + e.guid().value(),
                  "Orphaned dataset " + e.qualifiedName(),
                  "No job produces or consumes it: retire it or record its lineage.",
                  e)
              .ifPresent(made::add);
        }
      }
      if (page.size() < SearchQuery.MAX_LIMIT) {
        return made;
      }
    }
  }

  private boolean isOrphan(Entity dataset) {
    return context
        .catalog()
        .lineage(
            new LineageQuery(dataset.guid(), Direction.BOTH, 1, LineageLevel.DATASET),
            Visibility.all())
        .edges()
        .isEmpty();
  }

  /** Called under the feed's lock: only notes the column; the worker reads it. */
  private void changed(ChangeEvent event) {
    if (event.kind() == ChangeEvent.Kind.ENTITY_DELETED
        || event.kind() == ChangeEvent.Kind.RELATIONSHIP_CREATED) {
      return;
    }
    if (dependents.kindOf(event.subject().key().typeName()) != Dependents.Kind.COLUMN) {
      return;
    }
    if (!SUSPECTED_PII.matcher(event.subject().key().qualifiedName()).find()) {
      return;
    }
    Guid guid = event.subject().guid();
    if (pending.add(guid)) {
      worker.execute(() -> checkPii(guid));
    }
  }

  private void checkPii(Guid guid) {
    pending.remove(guid);
    try {
      context
          .catalog()
          .get(guid, Visibility.all())
          .filter(e -> e.classifications().isEmpty())
          .filter(
              e -> SUSPECTED_PII.matcher(e.name() == null ? e.qualifiedName() : e.name()).find())
          .ifPresent(
              e ->
                  automatic(
                      e.tenant(),
                      StewardTask.Kind.PII,
                      "pii-" + e.guid().value(),
                      "Suspected unclassified PII: " + e.qualifiedName(),
                      "The column's name looks like personal data and it has no classification:"
                          + " classify it (a proposal) or resolve this task as not personal.",
                      e));
    } catch (RuntimeException e) {
      LOG.warn("stewardship: checking {} failed: {}", guid, e.toString());
    }
  }

  private synchronized Optional<StewardTask> automatic(
      TenantId tenant, StewardTask.Kind kind, String id, String title, String detail, Entity e) {
    if (task(tenant, id).isPresent()) {
      return Optional.empty();
    }
    StewardTask t =
        save(
            tenant,
            new StewardTask(
                id,
                kind,
                StewardTask.Status.OPEN,
                title,
                detail,
                e.guid().value(),
                firstSteward(e),
                null,
                "catalog",
                context.clock().instant(),
                null,
                List.of()));
    created.accept(t);
    return Optional.of(t);
  }

  private String firstSteward(Entity e) {
    Stewards s = stewardsOf(e);
    if (!s.stewards().isEmpty()) {
      return s.stewards().get(0);
    }
    return s.owners().isEmpty() ? null : s.owners().get(0);
  }

  private boolean isDataset(String type) {
    return context.types().isA(type, Types.DATASET)
        && dependents.kindOf(type) == Dependents.Kind.NONE;
  }

  private void scanQuietly() {
    try {
      for (TenantId tenant : context.tenants().get()) {
        scanOrphans(tenant);
      }
    } catch (RuntimeException e) {
      LOG.warn("stewardship: orphan scan failed: {}", e.toString());
    }
  }

  static <T> T read(JsonNode body, Class<T> type) {
    try {
      return JSON.treeToValue(body, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("governance record is not a " + type.getSimpleName(), e);
    }
  }

  @Override
  public synchronized void close() {
    worker.shutdownNow();
    if (subscription != null) {
      subscription.close();
    }
  }
}

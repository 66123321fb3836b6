package io.tributary.server.dashboards;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Dashboards as catalog entities of the internal type {@link Types#DASHBOARD}, one per dashboard,
 * in the dashboard's tenant. Decides nothing about access: {@link DashboardsResource} does.
 */
final class DashboardStore {
  private static final String QUALIFIED_NAME_PREFIX = "dashboard/";
  static final int MAX_PER_TENANT = SearchQuery.MAX_LIMIT;

  private final Catalog catalog;
  private final DashboardJson json;
  private final Clock clock;

  DashboardStore(Catalog catalog, DashboardJson json, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.json = Objects.requireNonNull(json, "json");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The tenant's dashboards that pass {@code visible}, by title. */
  List<Dashboard> list(TenantId tenant, Predicate<Dashboard> visible) {
    return catalog
        .search(
            new SearchQuery(null, Types.DASHBOARD, null, tenant, Map.of(), MAX_PER_TENANT, 0),
            Visibility.tenants(java.util.Set.of(tenant)))
        .entities()
        .stream()
        .filter(e -> e.typeName().equals(Types.DASHBOARD))
        .map(this::dashboard)
        .filter(visible)
        .sorted(Comparator.comparing(Dashboard::title, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  Optional<Dashboard> get(String id) {
    Guid guid;
    try {
      guid = new Guid(id);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return catalog
        .get(guid, Visibility.all())
        .filter(e -> e.typeName().equals(Types.DASHBOARD))
        .map(this::dashboard);
  }

  Dashboard create(TenantId tenant, String owner, DashboardDraft draft) {
    EntityKey key =
        new EntityKey(tenant, Types.DASHBOARD, QUALIFIED_NAME_PREFIX + UUID.randomUUID());
    Guid guid =
        catalog
            .apply(
                new Mutation("dashboard", List.of(write(key, owner, draft, now(null))), List.of()))
            .guids()
            .get(key);
    return get(guid.value()).orElseThrow();
  }

  Dashboard update(Dashboard current, DashboardDraft draft) {
    Entity entity = catalog.get(new Guid(current.id()), Visibility.all()).orElseThrow();
    catalog.apply(
        new Mutation(
            "dashboard",
            List.of(write(entity.key(), current.owner(), draft, now(entity.updateTime()))),
            List.of()));
    return get(current.id()).orElseThrow();
  }

  boolean delete(Dashboard dashboard) {
    return catalog.delete(new Guid(dashboard.id()));
  }

  private static EntityWrite write(
      EntityKey key, String owner, DashboardDraft draft, Instant asOf) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("title", draft.title());
    attributes.put("owner", owner);
    attributes.put("shared", draft.shared());
    attributes.put("definition", draft.widgets().toString());
    return new EntityWrite(key, draft.title(), attributes, java.util.Set.of(), asOf);
  }

  /** Now, but always after the last write, so that an update is never taken for a late one. */
  private Instant now(Instant last) {
    Instant now = clock.instant();
    return last != null && !now.isAfter(last) ? last.plusMillis(1) : now;
  }

  private Dashboard dashboard(Entity e) {
    Map<String, Object> a = e.attributes();
    return new Dashboard(
        e.guid().value(),
        e.tenant(),
        String.valueOf(a.getOrDefault("owner", "")),
        Boolean.TRUE.equals(a.get("shared")) || "true".equals(String.valueOf(a.get("shared"))),
        String.valueOf(a.getOrDefault("title", e.name() == null ? "" : e.name())),
        json.widgets(a.get("definition") == null ? null : String.valueOf(a.get("definition"))),
        e.createTime(),
        e.updateTime());
  }
}

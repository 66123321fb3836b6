package io.tributary.server.tenants;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes every entity of a tenant from the catalog, a page at a time. */
public final class TenantDataEraser {
  private static final Logger LOG = LoggerFactory.getLogger(TenantDataEraser.class);
  private static final int PAGE = SearchQuery.MAX_LIMIT;

  private final Catalog catalog;

  public TenantDataEraser(Catalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** Deletes the tenant's entities and their relationships; returns how many were deleted. */
  public long erase(TenantId tenant) {
    long deleted = 0;
    while (true) {
      // Not a read on anyone's behalf: the platform administrator erases everything.
      List<Entity> page =
          catalog
              .search(
                  new SearchQuery(null, null, null, tenant, Map.of(), PAGE, 0), Visibility.all())
              .entities();
      long before = deleted;
      for (Entity entity : page) {
        if (catalog.delete(entity.guid())) {
          deleted++;
        }
      }
      if (page.size() < PAGE || deleted == before) {
        break;
      }
    }
    LOG.info("tenant '{}': {} entities deleted from the catalog", tenant, deleted);
    return deleted;
  }
}

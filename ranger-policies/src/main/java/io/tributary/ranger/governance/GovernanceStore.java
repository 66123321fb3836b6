package io.tributary.ranger.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's governance records (retention rules, legal holds), kept in the catalog as entities of
 * {@value #TYPE} in the tenant, in the Ranger namespace {@value #NAMESPACE}: stored, replicated and
 * isolated as the tenant's other entities. Each record is a JSON body under (kind, id).
 */
public final class GovernanceStore {
  public static final String TYPE = Types.GOVERNANCE_RECORD;
  public static final String NAMESPACE = "_governance";
  private static final String TYPEDEFS = "/typedefs/tributary-governance.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Catalog catalog;
  private final Clock clock;

  public GovernanceStore(Catalog catalog, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Registers the record type; call before the catalog takes writes. */
  public static void registerTypes(TypeRegistry types) {
    try (InputStream in = GovernanceStore.class.getResourceAsStream(TYPEDEFS)) {
      types.register(JSON.readTree(Objects.requireNonNull(in, TYPEDEFS)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TYPEDEFS, e);
    }
  }

  public void put(TenantId tenant, String kind, String id, JsonNode body) {
    try {
      catalog.apply(
          new Mutation(
              "governance " + kind,
              List.of(
                  new EntityWrite(
                      key(tenant, kind, id),
                      id,
                      Map.of(
                          "kind",
                          kind,
                          "namespace",
                          NAMESPACE,
                          "body",
                          JSON.writeValueAsString(body)),
                      Set.of(),
                      clock.instant())),
              List.of()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("record is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The tenant's records of one kind, in no particular order. */
  public List<JsonNode> list(TenantId tenant, String kind) {
    List<JsonNode> out = new ArrayList<>();
    for (int offset = 0; ; offset += SearchQuery.MAX_LIMIT) {
      List<Entity> page =
          catalog
              .search(
                  new SearchQuery(
                      null,
                      TYPE,
                      null,
                      tenant,
                      Map.of("kind", kind),
                      SearchQuery.MAX_LIMIT,
                      offset),
                  Visibility.all())
              .entities();
      for (Entity e : page) {
        out.add(body(e));
      }
      if (page.size() < SearchQuery.MAX_LIMIT) {
        return out;
      }
    }
  }

  public boolean delete(TenantId tenant, String kind, String id) {
    return catalog.delete(Guid.forKey(key(tenant, kind, id)));
  }

  /** Whether an entity is one of these records (and so never purged by retention). */
  public static boolean isRecord(Entity entity) {
    return TYPE.equals(entity.typeName());
  }

  private static EntityKey key(TenantId tenant, String kind, String id) {
    return new EntityKey(tenant, TYPE, "governance/" + kind + "/" + id);
  }

  private static JsonNode body(Entity e) {
    try {
      return JSON.readTree(String.valueOf(e.attributes().get("body")));
    } catch (IOException ex) {
      throw new UncheckedIOException("governance record " + e.qualifiedName() + " is not JSON", ex);
    }
  }
}

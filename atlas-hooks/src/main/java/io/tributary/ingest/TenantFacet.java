package io.tributary.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.catalog.TenantId;
import io.tributary.openlineage.InvalidEventException;
import io.tributary.openlineage.Violation;
import java.util.List;
import java.util.Optional;

/**
 * Reads the tenant an OpenLineage event names in its {@code tributary_tenant} run facet ({@code
 * {"run": {"facets": {"tributary_tenant": {"tenant": "acme"}}}}}), as Tributary's emitters send it.
 * A body is not a credential: a caller may write into the tenant it names only when the caller may
 * write that tenant anyway.
 */
public final class TenantFacet {
  public static final String NAME = "tributary_tenant";
  static final String POINTER = "/run/facets/" + NAME + "/tenant";

  private TenantFacet() {}

  /**
   * @throws InvalidEventException when the facet is present with a tenant that is not a valid id
   */
  public static Optional<TenantId> read(JsonNode event) {
    JsonNode tenant = event.path("run").path("facets").path(NAME).path("tenant");
    if (tenant.isMissingNode() || tenant.isNull()) {
      return Optional.empty();
    }
    if (!tenant.isTextual()) {
      throw new InvalidEventException(List.of(new Violation(POINTER, "must be a string")));
    }
    try {
      return Optional.of(new TenantId(tenant.asText()));
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException(List.of(new Violation(POINTER, e.getMessage())));
    }
  }
}

package io.tributary.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.catalog.Names;
import io.tributary.contract.TenantId;
import io.tributary.contract.TributaryFacets;
import io.tributary.contract.schema.Violation;
import io.tributary.openlineage.InvalidEventException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the tenant an OpenLineage event names in its {@value TributaryFacets#TENANT} run facet
 * ({@code {"run": {"facets": {"tributary_tenant": {"tenant": "acme"}}}}}), as Tributary's emitters
 * send it.
 */
final class TenantFacet {
  static final String POINTER = TributaryFacets.TENANT_POINTER;

  private TenantFacet() {}

  /**
   * @throws InvalidEventException when the facet is present with a tenant that is not a valid id
   */
  static Optional<TenantId> read(JsonNode event) {
    JsonNode tenant =
        event
            .path("run")
            .path("facets")
            .path(TributaryFacets.TENANT)
            .path(TributaryFacets.TENANT_FIELD);
    if (tenant.isMissingNode() || tenant.isNull()) {
      return Optional.empty();
    }
    if (!tenant.isTextual()) {
      throw new InvalidEventException(List.of(new Violation(POINTER, "must be a string")));
    }
    try {
      return Optional.of(new TenantId(tenant.asText()));
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException(
          List.of(new Violation(POINTER, Names.printable(e.getMessage()))));
    }
  }
}

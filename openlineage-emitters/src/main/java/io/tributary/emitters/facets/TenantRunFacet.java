package io.tributary.emitters.facets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tributary.contract.TributaryFacets;
import io.tributary.emitters.Tenant;
import java.net.URI;
import java.util.Objects;

/** Run facet {@code tributary_tenant}: the tenant that owns the run's lineage. */
public final class TenantRunFacet extends TributaryFacet {
  public static final String NAME = TributaryFacets.TENANT;

  private final String tenant;

  public TenantRunFacet(URI producer, Tenant tenant) {
    super(producer, "TributaryTenantRunFacet");
    this.tenant = Objects.requireNonNull(tenant, "tenant").value();
  }

  @JsonProperty(TributaryFacets.TENANT_FIELD)
  public String getTenant() {
    return tenant;
  }
}

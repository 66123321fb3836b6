package io.tributary.emitters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.emitters.facets.TenantRunFacet;
import io.tributary.ingest.IngestHeaders;
import org.junit.jupiter.api.Test;

/**
 * The emitters run inside other people's jobs and do not depend on the catalog, so they spell the
 * names the catalog reads themselves; this keeps both spellings the same.
 */
class IngestNamesTest {
  @Test
  void shouldNameTheTenantAsTheCatalogReadsIt() {
    assertThat(TransportLoader.TENANT_HEADER).isEqualTo(IngestHeaders.HTTP_TENANT);
    assertThat(TenantRunFacet.NAME).isEqualTo(IngestHeaders.TENANT_FACET);
  }
}

package io.tributary.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class TenantIdTest {
  @Test
  void shouldAcceptLowerCaseLettersDigitsDashAndUnderscore() {
    assertThat(new TenantId("acme-eu_2").value()).isEqualTo("acme-eu_2");
    assertThat(new TenantId("a".repeat(64))).isNotNull();
  }

  @Test
  void shouldRejectUpperCaseALeadingDashAndMoreThan64Characters() {
    for (String bad : new String[] {"Acme", "-acme", "", "a".repeat(65), "acme corp"}) {
      assertThatThrownBy(() -> new TenantId(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining(TenantId.PATTERN);
    }
  }

  @Test
  void shouldDeclareTheSamePatternAsTheTenantFacetSchema() throws IOException {
    JsonNode schema;
    try (InputStream in =
        getClass()
            .getResourceAsStream("/tributary/spec/facets/1-0-0/TributaryTenantRunFacet.json")) {
      schema = new ObjectMapper().readTree(in);
    }

    JsonNode tenant =
        schema
            .at("/$defs/TributaryTenantRunFacet/allOf/1/properties")
            .path(TributaryFacets.TENANT_FIELD);

    assertThat(tenant.path("pattern").asText()).isEqualTo("^" + TenantId.PATTERN + "$");
  }
}

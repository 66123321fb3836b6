package io.tributary.catalog.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.EntityKey;
import io.tributary.contract.TenantId;
import org.junit.jupiter.api.Test;

class TenantQualifiedNamesTest {
  private final TenantQualifiedNames names = new TenantQualifiedNames();

  @Test
  void shouldKeepDefaultTenantNamesAsAtlasHooksWriteThem() {
    EntityKey key = new EntityKey(TenantId.DEFAULT, "kafka_topic", "orders@prod");

    assertThat(names.encode(key)).isEqualTo("orders@prod");
    assertThat(names.decode("kafka_topic", "orders@prod")).isEqualTo(key);
  }

  @Test
  void shouldRoundTripOtherTenantsThroughASuffix() {
    EntityKey key = new EntityKey(new TenantId("acme"), "kafka_topic", "orders@prod");

    assertThat(names.encode(key)).isEqualTo("orders@prod@@acme");
    assertThat(names.decode("kafka_topic", "orders@prod@@acme")).isEqualTo(key);
  }

  @Test
  void shouldReadANameWhoseSuffixIsNoTenantAsDefaultTenant() {
    assertThat(names.decode("kafka_topic", "odd@@Not A Tenant").tenant())
        .isEqualTo(TenantId.DEFAULT);
  }
}

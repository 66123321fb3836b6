package io.tributary.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.contract.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"acme\u0000", " acme", "acme\t", "acme ", "ac\u200Bme", "\u00A0acme", ""})
  void shouldRefuseNamesThatAreNotCanonical(String name) {
    assertThatThrownBy(() -> Names.requireCanonical("namespace", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("namespace");
  }

  @Test
  void shouldAcceptCanonicalNamesUnchanged() {
    assertThat(Names.requireCanonical("namespace", "kafka://broker:9092"))
        .isEqualTo("kafka://broker:9092");
    assertThat(Names.requireCanonical("dataset", "orders enriched")).isEqualTo("orders enriched");
  }

  @Test
  void shouldShowControlCharactersInMessages() {
    assertThatThrownBy(() -> Names.requireCanonical("grantee", "glo\u0000bex"))
        .hasMessageContaining("glo\\u0000bex")
        .hasMessageContaining("U+0000");
  }

  @Test
  void shouldRefuseTenantIdsThatAreNotCanonicalRatherThanTrimThem() {
    assertThatThrownBy(() -> new TenantId(" acme")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TenantId("acme\u0000"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

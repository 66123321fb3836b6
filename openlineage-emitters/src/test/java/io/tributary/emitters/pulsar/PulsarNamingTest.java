package io.tributary.emitters.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.emitters.EmitterException;
import org.junit.jupiter.api.Test;

class PulsarNamingTest {
  @Test
  void shouldNameTheNamespaceByTheFirstServiceHostAndPort() {
    assertThat(PulsarNaming.namespace("pulsar://Broker-1:6650,broker-2:6650"))
        .isEqualTo("pulsar://broker-1:6650");
    assertThat(PulsarNaming.namespace("pulsar+ssl://broker:6651"))
        .isEqualTo("pulsar://broker:6651");
    assertThat(PulsarNaming.namespace("pulsar://broker")).isEqualTo("pulsar://broker:6650");
    assertThat(PulsarNaming.namespace("pulsar+ssl://broker/")).isEqualTo("pulsar://broker:6651");
  }

  @Test
  void shouldRejectAMissingServiceUrl() {
    assertThatThrownBy(() -> PulsarNaming.namespace(null))
        .isInstanceOf(EmitterException.class)
        .hasMessageContaining("service URL");
  }

  @Test
  void shouldNameTopicsByTheirFullNameWithoutPartition() {
    assertThat(PulsarNaming.topic("orders")).isEqualTo("persistent://public/default/orders");
    assertThat(PulsarNaming.topic("acme/payments/orders"))
        .isEqualTo("persistent://acme/payments/orders");
    assertThat(PulsarNaming.topic("persistent://acme/payments/orders-partition-3"))
        .isEqualTo("persistent://acme/payments/orders");
    assertThat(PulsarNaming.topic("non-persistent://acme/payments/ticks"))
        .isEqualTo("non-persistent://acme/payments/ticks");
    assertThat(PulsarNaming.topic("orders-partition-x"))
        .isEqualTo("persistent://public/default/orders-partition-x");
  }

  @Test
  void shouldReturnTheSameStringForAKnownTopic() {
    assertThat(PulsarNaming.topic("cached")).isSameAs(PulsarNaming.topic("cached"));
  }
}

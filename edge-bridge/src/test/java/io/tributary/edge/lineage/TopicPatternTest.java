package io.tributary.edge.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.edge.forward.TopicFilters;
import org.junit.jupiter.api.Test;

class TopicPatternTest {
  @Test
  void shouldAttributeATopicToTheDeviceOfItsNamedLevel() {
    TopicPattern pattern = TopicPattern.of("sensors/{deviceId}/{signal}");

    assertThat(pattern.deviceId("sensors/pump-7/temperature")).contains("pump-7");
    assertThat(pattern.deviceId("sensors/pump-7")).isEmpty();
    assertThat(pattern.deviceId("other/pump-7/temperature")).isEmpty();
    assertThat(pattern.filter()).isEqualTo("sensors/+/+");
  }

  @Test
  void shouldRefuseAPatternWithoutADeviceLevel() {
    assertThatThrownBy(() -> TopicPattern.of("sensors/#"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{deviceId}");
  }

  @Test
  void shouldMatchTopicFiltersAsBrokersDo() {
    assertThat(TopicFilters.matches("sensors/#", "sensors/a/b")).isTrue();
    assertThat(TopicFilters.matches("sensors/+/temp", "sensors/a/temp")).isTrue();
    assertThat(TopicFilters.matches("sensors/+/temp", "sensors/a/b/temp")).isFalse();
    assertThat(TopicFilters.matches("sensors/+", "sensors")).isFalse();
  }

  @Test
  void shouldNameMqttAndKafkaDatasetsLikeTheKafkaConvention() {
    assertThat(Naming.mqttNamespace("tcp://Broker.local:1883"))
        .isEqualTo("mqtt://broker.local:1883");
    assertThat(Naming.mqttNamespace("ssl://broker")).isEqualTo("mqtt://broker:8883");
    assertThat(Naming.kafkaNamespace("PLAINTEXT://K1:9092,k2:9092")).isEqualTo("kafka://k1:9092");
  }
}

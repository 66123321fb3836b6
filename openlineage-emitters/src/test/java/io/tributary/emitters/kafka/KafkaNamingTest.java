package io.tributary.emitters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.emitters.EmitterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaNamingTest {
  @Test
  void shouldUseFirstBootstrapAddress() {
    assertThat(KafkaNaming.namespace("b1:9092,b2:9092")).isEqualTo("kafka://b1:9092");
    assertThat(KafkaNaming.namespace(List.of(" B1:9092", "b2:9092"))).isEqualTo("kafka://b1:9092");
    assertThat(KafkaNaming.namespace("SASL_SSL://b1:9093")).isEqualTo("kafka://b1:9093");
  }

  @Test
  void shouldRejectMissingBootstrapServers() {
    assertThatThrownBy(() -> KafkaNaming.namespace(null))
        .isInstanceOf(EmitterException.class)
        .hasMessageContaining("bootstrap.servers");
  }
}

package io.tributary.emitters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openlineage.client.transports.FileConfig;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.TransportConfig;
import io.tributary.emitters.EmitterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportLoaderTest {
  @Test
  void shouldBuildAnHttpTransportFromInlineKeys() {
    TransportConfig config =
        TransportLoader.inline(
                Map.of(
                    "type", "http",
                    "url", "http://catalog:8080",
                    "endpoint", "/api/v1/lineage",
                    "headers.X-Team", "payments"))
            .orElseThrow();

    assertThat(config).isInstanceOf(HttpConfig.class);
    HttpConfig http = (HttpConfig) config;
    assertThat(http.getUrl()).hasToString("http://catalog:8080");
    assertThat(http.getEndpoint()).isEqualTo("/api/v1/lineage");
    assertThat(http.getHeaders()).containsEntry("X-Team", "payments");
  }

  @Test
  void shouldBuildAFileTransportFromInlineKeys() {
    assertThat(TransportLoader.inline(Map.of("type", "file", "location", "/tmp/events.jsonl")))
        .get()
        .isInstanceOfSatisfying(
            FileConfig.class, f -> assertThat(f.getLocation()).isEqualTo("/tmp/events.jsonl"));
  }

  @Test
  void shouldRejectAnUnknownTransportTypeNamingTheKeys() {
    assertThatThrownBy(() -> TransportLoader.inline(Map.of("type", "carrier-pigeon")))
        .isInstanceOf(EmitterException.class)
        .hasMessageContaining("[type]");
  }
}

package io.tributary.emitters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.transports.Transport;
import io.tributary.emitters.internal.TransportLoader;
import io.tributary.testkit.transport.CapturingTransport;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransportPluginTest {
  private static final OpenLineage OL = new OpenLineage(URI.create("https://example.test/p"));

  @Test
  void shouldSendThroughATransportTypeFromAJarOnTheClassPath() {
    EmitterConfig config =
        EmitterConfig.fromProperties(
            Map.of(
                "openlineage.transport.type", "capturing",
                "openlineage.transport.name", "plugged",
                "openlineage.close.timeout.ms", "2000"));

    Transport transport = TransportLoader.load(config);

    assertThat(transport).isInstanceOf(CapturingTransport.class);
    assertThat(transport).isSameAs(CapturingTransport.named("plugged"));
    try (LineageEmitter emitter = LineageEmitter.start("job", transport, config, null)) {
      emitter.emit(
          OL.newRunEventBuilder()
              .eventType(EventType.START)
              .eventTime(ZonedDateTime.parse("2026-01-01T00:00:00Z"))
              .run(OL.newRun(UUID.fromString("01890000-0000-7000-8000-000000000003"), null))
              .job(OL.newJob("ns", "job", null))
              .build());
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> ((CapturingTransport) transport).events().size() == 1);
    }
  }

  @Test
  void shouldNameTheKnownTransportTypesForAnUnknownOne() {
    EmitterConfig config =
        EmitterConfig.fromProperties(Map.of("openlineage.transport.type", "carrier-pigeon"));

    assertThatThrownBy(() -> TransportLoader.load(config))
        .isInstanceOf(EmitterException.class)
        .hasMessageContaining("Transport type 'carrier-pigeon' is unknown: use one of")
        .hasMessageContaining("http")
        .hasMessageContaining("capturing");
  }
}

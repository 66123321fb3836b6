package io.tributary.testkit.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.Transport;
import io.openlineage.client.transports.TransportBuilder;
import io.tributary.testkit.events.LineageEvents;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CapturingTransportTest {
  private final LineageEvents job = LineageEvents.job("j").inputTopics("in").outputTopics("out");

  @Test
  void shouldKeepEmittedEventsInOrder() {
    CapturingTransport transport = new CapturingTransport();
    OpenLineageClient client = OpenLineageClient.builder().transport(transport).build();

    client.emit(job.start().runEvent());
    client.emit(job.complete().runEvent());

    assertThat(transport.eventTypes()).containsExactly("START", "COMPLETE");
    assertThat(transport.attempts()).isEqualTo(2);
  }

  @Test
  void shouldWaitForEventsEmittedOnAnotherThread() throws Exception {
    CapturingTransport transport = new CapturingTransport();
    Thread sender =
        new Thread(
            () -> {
              transport.emit(job.start().runEvent());
              transport.emit(job.fail("boom").runEvent());
            });
    sender.start();

    var failed =
        transport.awaitEvent(e -> e.getEventType().name().equals("FAIL"), Duration.ofSeconds(5));

    assertThat(failed.getRun().getFacets().getErrorMessage().getMessage()).isEqualTo("boom");
    assertThat(transport.awaitEvents(2, Duration.ofSeconds(5))).hasSize(2);
    sender.join();
  }

  @Test
  void shouldFailAWaitThatTimesOutWithWhatArrived() {
    CapturingTransport transport = new CapturingTransport();
    transport.emit(job.start().runEvent());

    assertThatThrownBy(() -> transport.awaitEvents(2, Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[START]");
  }

  @Test
  void shouldRefuseEventsWhileFailingAndCountTheAttempts() {
    CapturingTransport transport = new CapturingTransport();
    transport.failing(true);

    assertThatThrownBy(() -> transport.emit(job.start().runEvent()))
        .isInstanceOf(IllegalStateException.class);

    assertThat(transport.events()).isEmpty();
    assertThat(transport.attempts()).isEqualTo(1);
  }

  @Test
  void shouldBeFoundByTypeNameThroughServiceLoaderAndThenByItsConfiguredName() {
    TransportBuilder builder =
        ServiceLoader.load(TransportBuilder.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(b -> b.getType().equals("capturing"))
            .findFirst()
            .orElseThrow();
    CapturingTransportConfig config = (CapturingTransportConfig) builder.getConfig();
    config.setName("from-config");

    Transport transport = builder.build(config);
    transport.emit(job.start().runEvent());

    assertThat(transport).isSameAs(CapturingTransport.named("from-config"));
    assertThat(CapturingTransport.named("from-config").events()).hasSize(1);
  }
}

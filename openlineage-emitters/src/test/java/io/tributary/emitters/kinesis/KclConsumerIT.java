package io.tributary.emitters.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.tributary.emitters.testing.ClientLineage;
import io.tributary.emitters.testing.KclWorker;
import io.tributary.emitters.testing.KinesisStreams;
import io.tributary.emitters.testing.LineageEndpoint;
import io.tributary.emitters.testing.OpenLineageSchemas;
import io.tributary.emitters.testing.RunEvents;
import io.tributary.testkit.kinesis.Dynalite;
import io.tributary.testkit.kinesis.KinesisLocal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The KCL hook in a real Kinesis Client Library consumer: its scheduler keeps leases in a real
 * DynamoDB API server and polls a real Kinesis API server; the wrapped factory's processors count
 * what the application receives.
 */
class KclConsumerIT {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();

  @Test
  @SuppressWarnings("try") // The worker runs while the test waits; closing it shuts it down.
  void shouldEmitTheStreamAKclApplicationConsumesWithTheRecordsItsProcessorsReceived()
      throws Exception {
    int records = 25;
    try (KinesisLocal kinesis = KinesisLocal.start("payments");
        Dynalite dynamo = Dynalite.start();
        LineageEndpoint endpoint = LineageEndpoint.start();
        KinesisClient writer = KinesisStreams.client(kinesis, null)) {
      KinesisStreams.awaitActive(writer, "payments");
      KinesisStreams.putEach(writer, "payments", "payment", 0, records);

      Map<String, Object> config =
          ClientLineage.config("payments-ledger", ClientLineage.http(endpoint, "acme"));
      config.put("openlineage.aws.account", KinesisLocal.ACCOUNT);
      AtomicInteger received = new AtomicInteger();
      try (TributaryShardRecordProcessorFactory factory =
          new TributaryShardRecordProcessorFactory(
              KclWorker.counting(received), "payments", KinesisLocal.REGION, config)) {
        try (KclWorker worker =
            KclWorker.start(kinesis, dynamo, "payments", "payments-ledger", factory)) {
          await().atMost(Duration.ofSeconds(90)).until(() -> received.get() == records);
        }
      }

      List<RunEvent> events = endpoint.events();
      assertThat(events)
          .extracting(RunEvent::getEventType)
          .startsWith(EventType.START)
          .endsWith(EventType.COMPLETE);
      assertThat(events).extracting(e -> e.getJob().getName()).containsOnly("payments-ledger");
      assertThat(RunEvents.datasetsOfRun(events, true))
          .containsExactly(
              "arn:aws:kinesis:"
                  + KinesisLocal.REGION
                  + ":"
                  + KinesisLocal.ACCOUNT
                  + " stream/payments");
      assertThat(RunEvents.datasetsOfRun(events, false)).isEmpty();
      assertThat(RunEvents.rows(events, "stream/payments", true)).isEqualTo(records);
      assertThat(endpoint.tenantHeaders()).containsOnly("acme");
      assertThat(endpoint.bodies())
          .allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
    }
  }
}

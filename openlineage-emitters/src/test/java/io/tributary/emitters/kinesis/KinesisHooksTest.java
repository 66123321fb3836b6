package io.tributary.emitters.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.openlineage.client.OpenLineage.InputDataset;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.tributary.emitters.testing.EventFiles;
import io.tributary.emitters.testing.OpenLineageSchemas;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardRequest;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * The hooks driven directly: an enhanced fan-out subscription whose event stream the Kinesis API
 * server of the integration tests closes before it starts, and the KCL processor wrapper's counting
 * (a full KCL consumer runs in {@link KclConsumerIT}).
 */
class KinesisHooksTest {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();

  private static Map<String, Object> toFile(String job, Path file) {
    return Map.of(
        "openlineage.job.name", job,
        "openlineage.snapshot.interval.ms", "1000",
        "openlineage.abort.on.jvm.exit", "false",
        "openlineage.transport.type", "file",
        "openlineage.transport.location", file.toString());
  }

  @Test
  void shouldTakeTheStreamOfASubscriptionAsAnInput(@TempDir Path dir) {
    Path file = dir.resolve("fan-out.jsonl");
    try (TributaryKinesisInterceptor interceptor =
        new TributaryKinesisInterceptor(toFile("fan-out", file))) {
      interceptor.beforeExecution(
          InterceptorContext.builder()
              .request(
                  SubscribeToShardRequest.builder()
                      .consumerARN(
                          "arn:aws:kinesis:eu-west-1:123456789012:stream/orders/consumer/audit:1")
                      .shardId("shardId-000000000000")
                      .build())
              .build(),
          new ExecutionAttributes());
    }

    RunEvent complete = last(EventFiles.events(file));
    assertThat(complete.getEventType()).isEqualTo(EventType.COMPLETE);
    assertThat(complete.getInputs())
        .extracting(d -> d.getNamespace() + " " + d.getName())
        .containsExactly("arn:aws:kinesis:eu-west-1:123456789012 stream/orders");
    assertThat(EventFiles.lines(file))
        .allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
  }

  @Test
  void shouldCountTheRecordsAKclProcessorReceives(@TempDir Path dir) {
    Path file = dir.resolve("kcl.jsonl");
    List<Integer> seen = new ArrayList<>();
    ShardRecordProcessor application =
        new ShardRecordProcessor() {
          @Override
          public void initialize(InitializationInput input) {}

          @Override
          public void processRecords(ProcessRecordsInput input) {
            seen.add(input.records().size());
          }

          @Override
          public void leaseLost(LeaseLostInput input) {}

          @Override
          public void shardEnded(ShardEndedInput input) {}

          @Override
          public void shutdownRequested(ShutdownRequestedInput input) {}
        };
    try (TributaryShardRecordProcessorFactory factory =
        new TributaryShardRecordProcessorFactory(
            () -> application,
            "orders",
            "eu-west-1",
            Map.of(
                "openlineage.job.name", "orders-consumer",
                "openlineage.aws.account", "123456789012",
                "openlineage.snapshot.interval.ms", "1000",
                "openlineage.abort.on.jvm.exit", "false",
                "openlineage.transport.type", "file",
                "openlineage.transport.location", file.toString()))) {
      ShardRecordProcessor processor = factory.shardRecordProcessor();
      List<KinesisClientRecord> records = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        records.add(
            KinesisClientRecord.builder()
                .partitionKey("k")
                .data(ByteBuffer.wrap(("order-" + i).getBytes(StandardCharsets.UTF_8)))
                .build());
      }
      processor.processRecords(ProcessRecordsInput.builder().records(records).build());
      processor.processRecords(ProcessRecordsInput.builder().records(records).build());
    }

    assertThat(seen).containsExactly(5, 5);
    List<RunEvent> events = EventFiles.events(file);
    long rows = 0;
    long bytes = 0;
    for (RunEvent e : events) {
      for (InputDataset d : e.getInputs()) {
        assertThat(d.getNamespace() + " " + d.getName())
            .isEqualTo("arn:aws:kinesis:eu-west-1:123456789012 stream/orders");
        if (d.getInputFacets().getInputStatistics() != null) {
          rows += d.getInputFacets().getInputStatistics().getRowCount();
          bytes += d.getInputFacets().getInputStatistics().getSize();
        }
      }
    }
    assertThat(rows).isEqualTo(10);
    assertThat(bytes).isEqualTo(2 * 5 * "order-0".length());
    assertThat(last(events).getEventType()).isEqualTo(EventType.COMPLETE);
    assertThat(EventFiles.lines(file))
        .allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
  }

  private static RunEvent last(List<RunEvent> events) {
    assertThat(events).isNotEmpty();
    return events.get(events.size() - 1);
  }
}

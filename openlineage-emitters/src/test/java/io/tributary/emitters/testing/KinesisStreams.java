package io.tributary.emitters.testing;

import static org.awaitility.Awaitility.await;

import io.tributary.testkit.kinesis.KinesisLocal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** The Kinesis clients of the tests, on a {@link KinesisLocal} server, and what they do there. */
public final class KinesisStreams {
  private KinesisStreams() {}

  /** A client of the server's plain endpoint, with the interceptor if not null. */
  public static KinesisClient client(KinesisLocal server, ExecutionInterceptor interceptor) {
    return KinesisClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.of(KinesisLocal.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(
            c -> {
              if (interceptor != null) {
                c.addExecutionInterceptor(interceptor);
              }
            })
        .build();
  }

  /** Waits until the streams (created at the server's start) are active. */
  public static void awaitActive(KinesisClient client, String... streams) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                List.of(streams).stream()
                    .allMatch(
                        s ->
                            client
                                    .describeStreamSummary(r -> r.streamName(s))
                                    .streamDescriptionSummary()
                                    .streamStatus()
                                == StreamStatus.ACTIVE));
  }

  /**
   * Writes {@code <prefix>-<i>} for i in [from, to), one PutRecord each, partition key {@code
   * k<i>}.
   */
  public static void putEach(KinesisClient writer, String stream, String prefix, int from, int to) {
    for (int i = from; i < to; i++) {
      int n = i;
      writer.putRecord(
          r ->
              r.streamName(stream)
                  .partitionKey("k" + n)
                  .data(SdkBytes.fromUtf8String(prefix + "-" + n)));
    }
  }

  /**
   * Reads a one-shard stream from its start with GetRecords, in pages of at most seven records (so
   * that a reader makes several requests), handing each record on until {@code count} have come.
   */
  public static void readFromStart(
      KinesisClient reader, String stream, int count, Consumer<Record> then) {
    String shard = reader.listShards(r -> r.streamName(stream)).shards().get(0).shardId();
    AtomicReference<String> iterator =
        new AtomicReference<>(
            reader
                .getShardIterator(
                    r ->
                        r.streamName(stream)
                            .shardId(shard)
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator());
    AtomicInteger read = new AtomicInteger();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              GetRecordsResponse page =
                  reader.getRecords(r -> r.shardIterator(iterator.get()).limit(7));
              for (Record record : page.records()) {
                then.accept(record);
                read.incrementAndGet();
              }
              iterator.set(page.nextShardIterator());
              return read.get() >= count;
            });
  }
}

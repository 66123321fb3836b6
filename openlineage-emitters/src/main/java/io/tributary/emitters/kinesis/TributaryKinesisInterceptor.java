package io.tributary.emitters.kinesis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardRequest;

/**
 * Emits the lineage of an application that uses the AWS SDK's Kinesis client: streams it writes
 * with PutRecord and PutRecords are outputs, streams it reads with GetRecords or SubscribeToShard
 * inputs, each with the records and data bytes of each window (SubscribeToShard's events do not
 * pass through interceptors: its stream is an input without statistics). Add it to the client:
 *
 * <pre>{@code
 * KinesisClient.builder()
 *     .overrideConfiguration(c -> c.addExecutionInterceptor(new TributaryKinesisInterceptor(conf)))
 * }</pre>
 *
 * <p>Clients of one job share one run; the SDK never closes interceptors, so close this one when
 * the application stops (otherwise the run ends as ABORT when the JVM exits).
 */
public final class TributaryKinesisInterceptor implements ExecutionInterceptor, AutoCloseable {
  private static final int ITERATOR_LIMIT = 10_000;

  private final KinesisLineage lineage;
  /* GetRecords names its stream only through the shard iterator (or an optional ARN). */
  private final ConcurrentHashMap<String, KinesisNaming.StreamName> iterators =
      new ConcurrentHashMap<>();

  /** Reads the {@code openlineage.*} keys of the system properties. */
  public TributaryKinesisInterceptor() {
    this(systemProperties());
  }

  /**
   * @param configs the {@code openlineage.*} keys (others are ignored); an invalid one disables
   *     lineage only
   */
  public TributaryKinesisInterceptor(Map<String, ?> configs) {
    this.lineage = KinesisLineage.join(configs, "kinesis-client");
  }

  private static Map<String, Object> systemProperties() {
    Map<String, Object> out = new HashMap<>();
    System.getProperties().forEach((k, v) -> out.put(k.toString(), v));
    return out;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    KinesisLineage l = lineage;
    if (l != null && context.request() instanceof SubscribeToShardRequest s) {
      try {
        l.inputs.declare(KinesisNaming.fromArn(s.consumerARN()));
      } catch (RuntimeException e) {
        // An unparseable ARN is the service's to reject; lineage just does not see it.
      }
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    KinesisLineage l = lineage;
    if (l == null) {
      return;
    }
    try {
      count(l, context.request(), context.response(), attributes);
    } catch (RuntimeException e) {
      // Never fails the host's call.
    }
  }

  private void count(
      KinesisLineage l, SdkRequest request, SdkResponse response, ExecutionAttributes attributes) {
    if (request instanceof PutRecordRequest put) {
      KinesisNaming.StreamName stream =
          l.streams.of(put.streamARN(), put.streamName(), region(attributes));
      if (stream != null) {
        l.outputs.record(stream, 1, put.data().asByteArrayUnsafe().length);
      }
    } else if (request instanceof PutRecordsRequest put
        && response instanceof PutRecordsResponse result) {
      KinesisNaming.StreamName stream =
          l.streams.of(put.streamARN(), put.streamName(), region(attributes));
      if (stream != null) {
        putRecords(l, stream, put.records(), result.records());
      }
    } else if (request instanceof GetShardIteratorRequest get
        && response instanceof GetShardIteratorResponse result) {
      KinesisNaming.StreamName stream =
          l.streams.of(get.streamARN(), get.streamName(), region(attributes));
      if (stream != null && result.shardIterator() != null) {
        remember(result.shardIterator(), stream);
      }
    } else if (request instanceof GetRecordsRequest get
        && response instanceof GetRecordsResponse result) {
      KinesisNaming.StreamName stream = iterators.remove(get.shardIterator());
      if (get.streamARN() != null) {
        stream = l.streams.of(get.streamARN(), null, null);
      }
      if (stream != null) {
        getRecords(l, stream, result);
      }
    }
  }

  private static void putRecords(
      KinesisLineage l,
      KinesisNaming.StreamName stream,
      List<PutRecordsRequestEntry> sent,
      List<PutRecordsResultEntry> results) {
    long records = 0;
    long bytes = 0;
    for (int i = 0; i < sent.size(); i++) {
      if (i < results.size() && results.get(i).errorCode() != null) {
        continue;
      }
      records++;
      bytes += sent.get(i).data().asByteArrayUnsafe().length;
    }
    l.outputs.record(stream, records, bytes);
  }

  private void getRecords(
      KinesisLineage l, KinesisNaming.StreamName stream, GetRecordsResponse result) {
    if (result.nextShardIterator() != null) {
      remember(result.nextShardIterator(), stream);
    }
    List<Record> records = result.records();
    long bytes = 0;
    for (int i = 0; i < records.size(); i++) {
      bytes += records.get(i).data().asByteArrayUnsafe().length;
    }
    l.inputs.record(stream, records.size(), bytes);
  }

  private void remember(String iterator, KinesisNaming.StreamName stream) {
    if (iterators.size() >= ITERATOR_LIMIT) {
      // Iterators a reader abandoned; the ones in use are re-learned from the next
      // GetShardIterator.
      iterators.clear();
    }
    iterators.put(iterator, stream);
  }

  private static String region(ExecutionAttributes attributes) {
    Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    return region == null ? null : region.id();
  }

  /** Ends this client's part of the run; the run completes when its last client closes. */
  @Override
  public void close() {
    KinesisLineage l = lineage;
    if (l != null) {
      l.close();
    }
  }
}

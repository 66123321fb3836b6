package io.tributary.emitters.kinesis;

import java.util.List;
import java.util.Map;
import software.amazon.kinesis.common.StreamIdentifier;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * The Kinesis Client Library hook: wraps an application's {@link ShardRecordProcessorFactory} so
 * that every record its processors receive counts as read from their stream. Pass it where the
 * factory goes ({@code new ConfigsBuilder(stream, app, kinesis, dynamo, cloudWatch, worker, new
 * TributaryShardRecordProcessorFactory(factory, stream, region, conf))}); multi-stream applications
 * get each processor's stream from the KCL. Close it when the scheduler has shut down.
 */
public final class TributaryShardRecordProcessorFactory
    implements ShardRecordProcessorFactory, AutoCloseable {
  private final ShardRecordProcessorFactory delegate;
  private final String stream;
  private final String region;
  private final KinesisLineage lineage;

  /**
   * @param stream the stream's name or ARN (single-stream applications)
   * @param region the stream's region, for a stream given by name
   * @param configs the {@code openlineage.*} keys; the job is named {@code openlineage.job.name},
   *     else {@code kinesis-consumer}
   */
  public TributaryShardRecordProcessorFactory(
      ShardRecordProcessorFactory delegate, String stream, String region, Map<String, ?> configs) {
    this.delegate = delegate;
    this.stream = stream;
    this.region = region;
    this.lineage = KinesisLineage.join(configs, "kinesis-consumer");
  }

  @Override
  public ShardRecordProcessor shardRecordProcessor() {
    return wrap(delegate.shardRecordProcessor(), resolve(stream));
  }

  @Override
  public ShardRecordProcessor shardRecordProcessor(StreamIdentifier id) {
    KinesisNaming.StreamName name;
    if (id.streamArnOptional().isPresent()) {
      name = resolve(id.streamArnOptional().get().toString());
    } else if (lineage == null) {
      name = null;
    } else if (id.accountIdOptional().isPresent()) {
      name =
          new KinesisNaming.StreamName(
              KinesisNaming.namespace(region, id.accountIdOptional().get()),
              KinesisNaming.name(id.streamName()));
    } else {
      // A single-stream application's identifier has the name only: the configured account
      // applies, as for the SDK interceptor's requests by name.
      name = lineage.streams.of(null, id.streamName(), region);
    }
    return wrap(delegate.shardRecordProcessor(id), name);
  }

  private KinesisNaming.StreamName resolve(String streamOrArn) {
    if (lineage == null || streamOrArn == null) {
      return null;
    }
    return streamOrArn.startsWith("arn:")
        ? lineage.streams.of(streamOrArn, null, null)
        : lineage.streams.of(null, streamOrArn, region);
  }

  private ShardRecordProcessor wrap(ShardRecordProcessor processor, KinesisNaming.StreamName name) {
    if (lineage == null || name == null) {
      return processor;
    }
    lineage.inputs.declare(name);
    return new Counting(processor, lineage.inputs, name);
  }

  /** Ends this consumer's part of the run; the run completes when its last client closes. */
  @Override
  public void close() {
    if (lineage != null) {
      lineage.close();
    }
  }

  private static final class Counting implements ShardRecordProcessor {
    private final ShardRecordProcessor delegate;
    private final StreamTraffic inputs;
    private final KinesisNaming.StreamName stream;

    Counting(ShardRecordProcessor delegate, StreamTraffic inputs, KinesisNaming.StreamName stream) {
      this.delegate = delegate;
      this.inputs = inputs;
      this.stream = stream;
    }

    @Override
    public void initialize(InitializationInput input) {
      delegate.initialize(input);
    }

    @Override
    public void processRecords(ProcessRecordsInput input) {
      List<KinesisClientRecord> records = input.records();
      if (records != null && !records.isEmpty()) {
        long bytes = 0;
        for (int i = 0; i < records.size(); i++) {
          bytes += records.get(i).data() == null ? 0 : records.get(i).data().remaining();
        }
        inputs.record(stream, records.size(), bytes);
      }
      delegate.processRecords(input);
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
      delegate.leaseLost(input);
    }

    @Override
    public void shardEnded(ShardEndedInput input) {
      delegate.shardEnded(input);
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
      delegate.shutdownRequested(input);
    }
  }
}

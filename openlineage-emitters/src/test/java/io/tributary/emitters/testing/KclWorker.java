package io.tributary.emitters.testing;

import io.tributary.testkit.kinesis.Dynalite;
import io.tributary.testkit.kinesis.KinesisLocal;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.common.StreamIdentifier;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * A Kinesis Client Library consumer application, as its users build one: a scheduler with its
 * leases in a real DynamoDB API server ({@link Dynalite}), reading one stream of a real Kinesis API
 * server ({@link KinesisLocal}) from its start by polling, CloudWatch metrics off. Closing it shuts
 * the scheduler down gracefully, which checkpoints every shard.
 */
public final class KclWorker implements AutoCloseable {
  private final Scheduler scheduler;
  private final Thread thread;
  private final KinesisAsyncClient kinesis;
  private final DynamoDbAsyncClient dynamo;
  private final CloudWatchAsyncClient cloudWatch;

  private KclWorker(
      Scheduler scheduler,
      KinesisAsyncClient kinesis,
      DynamoDbAsyncClient dynamo,
      CloudWatchAsyncClient cloudWatch) {
    this.scheduler = scheduler;
    this.kinesis = kinesis;
    this.dynamo = dynamo;
    this.cloudWatch = cloudWatch;
    this.thread = new Thread(scheduler, "kcl-scheduler");
    this.thread.setDaemon(true);
  }

  /**
   * Starts an application's worker.
   *
   * @param application the application's name, which is also its lease table's
   * @param factory the application's processors, wrapped or not
   */
  public static KclWorker start(
      KinesisLocal kinesisServer,
      Dynalite dynamoServer,
      String stream,
      String application,
      ShardRecordProcessorFactory factory) {
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    Region region = Region.of(KinesisLocal.REGION);
    KinesisAsyncClient kinesis =
        KinesisAsyncClient.builder()
            .endpointOverride(kinesisServer.endpoint())
            .region(region)
            .credentialsProvider(credentials)
            // The server's plain port speaks HTTP/1.1; polling needs nothing else.
            .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
            .build();
    DynamoDbAsyncClient dynamo =
        DynamoDbAsyncClient.builder()
            .endpointOverride(dynamoServer.endpoint())
            .region(region)
            .credentialsProvider(credentials)
            .build();
    // Never called with metrics off; an address on this machine where nothing listens.
    CloudWatchAsyncClient cloudWatch =
        CloudWatchAsyncClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .region(region)
            .credentialsProvider(credentials)
            .build();
    createLeaseTable(dynamo, application);
    ConfigsBuilder configs =
        new ConfigsBuilder(
            new SingleStreamTracker(
                StreamIdentifier.singleStreamInstance(stream),
                InitialPositionInStreamExtended.newInitialPosition(
                    InitialPositionInStream.TRIM_HORIZON)),
            application,
            kinesis,
            dynamo,
            cloudWatch,
            "worker-" + UUID.randomUUID(),
            factory);
    Scheduler scheduler =
        new Scheduler(
            configs.checkpointConfig(),
            configs.coordinatorConfig(),
            // Short leases so that the worker takes the stream's shard soon after it starts, and a
            // short pause after a shard sync (which the scheduler's start waits through).
            configs
                .leaseManagementConfig()
                .failoverTimeMillis(2_000)
                .shardSyncIntervalMillis(1_000),
            configs.lifecycleConfig(),
            configs.metricsConfig().metricsLevel(MetricsLevel.NONE),
            configs.processorConfig(),
            configs
                .retrievalConfig()
                .retrievalSpecificConfig(
                    new PollingConfig(stream, kinesis).idleTimeBetweenReadsInMillis(200)));
    KclWorker worker = new KclWorker(scheduler, kinesis, dynamo, cloudWatch);
    worker.thread.start();
    return worker;
  }

  /**
   * The lease table as KCL 3 creates it, with its index of leases by owner. KCL adds the index to a
   * table of its own making with UpdateTable, which dynalite accepts without adding the index;
   * created up front, as infrastructure code may do, the table has it, and KCL uses the table as it
   * finds it.
   */
  @SuppressWarnings("unchecked") // The SDK's builders take generic varargs.
  private static void createLeaseTable(DynamoDbAsyncClient dynamo, String application) {
    dynamo
        .createTable(
            t ->
                t.tableName(application)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                        a -> a.attributeName("leaseKey").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("leaseOwner").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("leaseKey").keyType(KeyType.HASH))
                    .globalSecondaryIndexes(
                        i ->
                            i.indexName("LeaseOwnerToLeaseKeyIndex")
                                .keySchema(
                                    k -> k.attributeName("leaseOwner").keyType(KeyType.HASH),
                                    k -> k.attributeName("leaseKey").keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))
        .join();
  }

  /** An application's processors that count the records they receive and checkpoint at the end. */
  public static ShardRecordProcessorFactory counting(AtomicInteger received) {
    return () -> new Counting(received);
  }

  @Override
  public void close() {
    try {
      scheduler.startGracefulShutdown().get(60, TimeUnit.SECONDS);
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the KCL scheduler did not shut down", e);
    } finally {
      kinesis.close();
      dynamo.close();
      cloudWatch.close();
    }
  }

  private static final class Counting implements ShardRecordProcessor {
    private final AtomicInteger received;

    Counting(AtomicInteger received) {
      this.received = received;
    }

    @Override
    public void initialize(InitializationInput input) {}

    @Override
    public void processRecords(ProcessRecordsInput input) {
      received.addAndGet(input.records().size());
    }

    @Override
    public void leaseLost(LeaseLostInput input) {}

    @Override
    public void shardEnded(ShardEndedInput input) {
      try {
        input.checkpointer().checkpoint();
      } catch (InvalidStateException | ShutdownException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
      try {
        input.checkpointer().checkpoint();
      } catch (InvalidStateException | ShutdownException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

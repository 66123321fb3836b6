package io.tributary.emitters.pulsar;

import io.tributary.emitters.DatasetTraffic;
import io.tributary.emitters.SharedRuns;
import java.util.Map;
import java.util.Set;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.ConsumerInterceptor;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;

/**
 * Emits the lineage of a consuming application: every topic it reads is an input, with the messages
 * and payload bytes handed to the application in each window. Created from the client's
 * configuration map, as {@link TributaryProducerInterceptor}:
 *
 * <pre>{@code
 * client.newConsumer(schema).topic("orders").subscriptionName("enricher")
 *     .intercept(new TributaryConsumerInterceptor<>(conf))
 * }</pre>
 *
 * <p>Close it after the consumer: Pulsar never closes interceptors (see {@link
 * TributaryProducerInterceptor}).
 *
 * @param <T> message value type
 */
public final class TributaryConsumerInterceptor<T> implements ConsumerInterceptor<T> {
  private final DatasetTraffic traffic;
  private final SharedRuns.Lease lease;

  /**
   * @param configs the client's configuration: {@code serviceUrl}, {@code subscriptionName} (the
   *     job's default name) and any {@code openlineage.*} keys; an invalid one disables lineage
   *     only
   */
  public TributaryConsumerInterceptor(Map<String, ?> configs) {
    ClientLineage.Joined joined = ClientLineage.join(configs, true, "subscriptionName");
    this.traffic = joined == null ? null : joined.traffic();
    this.lease = joined == null ? null : joined.lease();
  }

  @Override
  public Message<T> beforeConsume(Consumer<T> consumer, Message<T> message) {
    DatasetTraffic t = traffic;
    if (t != null && message != null) {
      t.record(PulsarNaming.topic(message.getTopicName()), message.size());
    }
    return message;
  }

  @Override
  public void onAcknowledge(Consumer<T> consumer, MessageId messageId, Throwable exception) {
    // Acknowledgements carry no lineage.
  }

  @Override
  public void onAcknowledgeCumulative(
      Consumer<T> consumer, MessageId messageId, Throwable exception) {
    // Acknowledgements carry no lineage.
  }

  @Override
  public void onNegativeAcksSend(Consumer<T> consumer, Set<MessageId> messageIds) {
    // Redeliveries are counted when they arrive again.
  }

  @Override
  public void onAckTimeoutSend(Consumer<T> consumer, Set<MessageId> messageIds) {
    // Redeliveries are counted when they arrive again.
  }

  @Override
  public void close() {
    SharedRuns.Lease l = lease;
    if (l != null) {
      l.close();
    }
  }
}

package io.tributary.emitters.pulsar;

import io.tributary.emitters.DatasetTraffic;
import io.tributary.emitters.SharedRuns;
import java.util.Map;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.interceptor.ProducerInterceptor;

/**
 * Emits the lineage of a producing application: every topic it writes is an output, with the
 * messages and payload bytes acknowledged in each window. Pulsar takes interceptors as objects, so
 * it is created from the same map the client is configured with ({@code serviceUrl} and the {@code
 * openlineage.*} keys):
 *
 * <pre>{@code
 * client.newProducer(schema).topic("orders").intercept(new TributaryProducerInterceptor(conf))
 * }</pre>
 *
 * <p>Clients of one job share one run, which completes when the last of their interceptors is
 * closed. Pulsar never closes interceptors: close it after the producer (it is {@link
 * AutoCloseable}); one left open ends its run as ABORT when the JVM exits.
 */
// Pulsar's interceptor interface takes raw messages and producers: one interceptor serves every
// schema.
@SuppressWarnings("rawtypes")
public final class TributaryProducerInterceptor implements ProducerInterceptor {
  private final DatasetTraffic traffic;
  private final SharedRuns.Lease lease;

  /**
   * @param configs the client's configuration: {@code serviceUrl}, {@code producerName} (the job's
   *     default name) and any {@code openlineage.*} keys; an invalid one disables lineage only
   */
  public TributaryProducerInterceptor(Map<String, ?> configs) {
    ClientLineage.Joined joined = ClientLineage.join(configs, false, "producerName");
    this.traffic = joined == null ? null : joined.traffic();
    this.lease = joined == null ? null : joined.lease();
  }

  @Override
  public boolean eligible(Message message) {
    return traffic != null;
  }

  @Override
  public Message beforeSend(Producer producer, Message message) {
    return message;
  }

  @Override
  public void onSendAcknowledgement(
      Producer producer, Message message, MessageId msgId, Throwable exception) {
    DatasetTraffic t = traffic;
    if (t != null && exception == null && message != null) {
      t.record(PulsarNaming.topic(producer.getTopic()), message.size());
    }
  }

  @Override
  public void close() {
    SharedRuns.Lease l = lease;
    if (l != null) {
      l.close();
    }
  }
}

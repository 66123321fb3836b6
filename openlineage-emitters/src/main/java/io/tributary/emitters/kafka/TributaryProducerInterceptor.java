package io.tributary.emitters.kafka;

import io.tributary.emitters.DatasetTraffic;
import io.tributary.emitters.SharedRuns;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Emits the lineage of a producing application: every topic it writes is an output, with the
 * records and bytes acknowledged in each window. Enable with {@code
 * interceptor.classes=io.tributary.emitters.kafka.TributaryProducerInterceptor}.
 *
 * @param <K> record key type
 * @param <V> record value type
 */
public final class TributaryProducerInterceptor<K, V> implements ProducerInterceptor<K, V> {
  private DatasetTraffic traffic;
  private SharedRuns.Lease lease;

  @Override
  public void configure(Map<String, ?> configs) {
    lease =
        ClientLineage.join(
            configs,
            false,
            namespace -> {
              traffic = new DatasetTraffic(namespace, false);
              return traffic;
            });
    if (lease == null) {
      traffic = null;
    }
  }

  @Override
  public ProducerRecord<K, V> onSend(ProducerRecord<K, V> record) {
    return record;
  }

  @Override
  public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    DatasetTraffic t = traffic;
    if (t != null && exception == null && metadata != null) {
      t.record(
          metadata.topic(),
          Math.max(0, metadata.serializedKeySize()) + Math.max(0, metadata.serializedValueSize()));
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

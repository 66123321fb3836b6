package io.tributary.emitters.kafka;

import io.tributary.emitters.DatasetTraffic;
import io.tributary.emitters.SharedRuns;
import io.tributary.emitters.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Emits the lineage of a consuming application: every topic it reads is an input, with the records
 * and bytes consumed in each window, and its lag per partition in each RUNNING event ({@link
 * ConsumerLag}). Enable with {@code
 * interceptor.classes=io.tributary.emitters.kafka.TributaryConsumerInterceptor}.
 *
 * @param <K> record key type
 * @param <V> record value type
 */
public final class TributaryConsumerInterceptor<K, V> implements ConsumerInterceptor<K, V> {
  private DatasetTraffic traffic;
  private final Set<String> topics = ConcurrentHashMap.newKeySet();
  private SharedRuns.Lease lease;

  @Override
  public void configure(Map<String, ?> configs) {
    lease =
        ClientLineage.join(
            configs,
            true,
            namespace -> {
              traffic = new DatasetTraffic(namespace, true);
              Object clientId = configs.get("client.id");
              return clientId == null
                  ? traffic
                  : Snapshot.sourceOf(traffic, new ConsumerLag(clientId.toString(), () -> topics));
            });
    if (lease == null) {
      traffic = null;
    }
  }

  @Override
  public ConsumerRecords<K, V> onConsume(ConsumerRecords<K, V> records) {
    DatasetTraffic t = traffic;
    if (t == null || records.isEmpty()) {
      return records;
    }
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<K, V>> batch = records.records(partition);
      long bytes = 0;
      for (int i = 0; i < batch.size(); i++) {
        ConsumerRecord<K, V> r = batch.get(i);
        bytes += Math.max(0, r.serializedKeySize()) + Math.max(0, r.serializedValueSize());
      }
      t.recordBatch(partition.topic(), batch.size(), bytes);
      if (!topics.contains(partition.topic())) {
        // Only the first time: add() takes the bin's lock even when the topic is there.
        topics.add(partition.topic());
      }
    }
    return records;
  }

  @Override
  public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    // Commits carry no lineage.
  }

  @Override
  public void close() {
    SharedRuns.Lease l = lease;
    if (l != null) {
      l.close();
    }
  }
}

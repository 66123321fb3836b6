package io.tributary.cluster.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.testkit.kafka.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaChangeLogTest {
  private static final String TOPIC = "changes";
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
    broker.createTopic(TOPIC, 3);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static ChangeFeed.Draft created(String name) {
    return new ChangeFeed.Draft(
        ChangeEvent.Kind.ENTITY_CREATED,
        ChangeCodecTest.ref("default", "kafka_topic", name),
        null,
        null);
  }

  private static KafkaChangeLog join(ChangeFeed feed, String server) {
    return KafkaChangeLog.start(
        new KafkaChangeLog.Settings(broker.bootstrapServers(), TOPIC, server),
        feed,
        new SimpleMeterRegistry());
  }

  private static List<String> names(List<ChangeEvent> events) {
    return events.stream().map(e -> e.subject().key().qualifiedName()).toList();
  }

  @Test
  void everyServersFeedDeliversEveryServersChangesEachOnce() {
    ChangeFeed a = new ChangeFeed();
    ChangeFeed b = new ChangeFeed();
    ChangeFeed c = new ChangeFeed();
    List<ChangeEvent> seenA = new CopyOnWriteArrayList<>();
    List<ChangeEvent> seenB = new CopyOnWriteArrayList<>();
    List<ChangeEvent> seenC = new CopyOnWriteArrayList<>();
    a.subscribe(0, seenA::add);
    b.subscribe(0, seenB::add);
    c.subscribe(0, seenC::add);
    List<KafkaChangeLog> logs = List.of(join(a, "a"), join(b, "b"), join(c, "c"));
    try {
      a.publish(List.of(created("from-a-1"), created("from-a-2")));
      b.publish(List.of(created("from-b")));
      c.publish(List.of(created("from-c")));

      List<String> all = List.of("from-a-1", "from-a-2", "from-b", "from-c");
      for (List<ChangeEvent> seen : List.of(seenA, seenB, seenC)) {
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(names(seen)).containsExactlyInAnyOrderElementsOf(all));
      }
      // One origin's changes arrive in its commit order.
      assertThat(names(seenB)).containsSubsequence("from-a-1", "from-a-2");
      // Nothing arrives twice, not even after a while.
      a.publish(List.of(created("marker")));
      await().atMost(Duration.ofSeconds(30)).until(() -> names(seenC).contains("marker"));
      assertThat(names(seenA)).doesNotHaveDuplicates();
      assertThat(names(seenB)).doesNotHaveDuplicates();
      assertThat(names(seenC)).doesNotHaveDuplicates();
    } finally {
      logs.forEach(KafkaChangeLog::close);
    }
  }

  @Test
  void aFlushReturnsOnceEveryChangeCommittedBeforeItIsInTheLog() throws Exception {
    ChangeFeed feed = new ChangeFeed();
    KafkaChangeLog log = join(feed, "flusher");
    try {
      feed.publish(List.of(created("flushed-1"), created("flushed-2")));

      assertThat(log.flush(Duration.ofSeconds(30))).isTrue();

      Properties p = new Properties();
      p.putAll(broker.clientConfig());
      p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(p)) {
        List<TopicPartition> partitions =
            reader.partitionsFor(TOPIC).stream()
                .map(i -> new TopicPartition(TOPIC, i.partition()))
                .toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        List<String> values = new ArrayList<>();
        // Read only up to the end offsets of now: the flush promised the records are there.
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        while (partitions.stream().anyMatch(tp -> reader.position(tp) < end.get(tp))) {
          reader.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
        }
        assertThat(values)
            .anyMatch(v -> v.contains("flushed-1"))
            .anyMatch(v -> v.contains("flushed-2"));
      }
    } finally {
      log.close();
    }
  }

  @Test
  void aRestartedServerResumesTheLogWhereItStopped() {
    ChangeFeed writer = new ChangeFeed();
    KafkaChangeLog w = join(writer, "writer");
    try {
      ChangeFeed first = new ChangeFeed();
      List<ChangeEvent> before = new CopyOnWriteArrayList<>();
      first.subscribe(0, before::add);
      KafkaChangeLog r1 = join(first, "reader");
      writer.publish(List.of(created("while-up")));
      await().atMost(Duration.ofSeconds(30)).until(() -> names(before).contains("while-up"));
      r1.close();
      writer.publish(List.of(created("while-down")));

      ChangeFeed second = new ChangeFeed();
      List<ChangeEvent> after = new CopyOnWriteArrayList<>();
      second.subscribe(0, after::add);
      KafkaChangeLog r2 = join(second, "reader");
      try {
        await().atMost(Duration.ofSeconds(30)).until(() -> names(after).contains("while-down"));
        assertThat(names(after)).doesNotContain("while-up");
      } finally {
        r2.close();
      }
    } finally {
      w.close();
    }
  }
}

package io.tributary.catalog.atlas;

import io.tributary.atlas.AtlasEntitiesWithExtInfo;
import io.tributary.atlas.AtlasEntityWithExtInfo;
import io.tributary.atlas.AtlasNotificationEncoder;
import io.tributary.atlas.AtlasObjectId;
import io.tributary.atlas.AtlasWritePlan;
import io.tributary.atlas.HookNotification;
import io.tributary.catalog.CatalogException;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.MutationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes {@code HookNotification} V2 messages to Atlas's {@code ATLAS_HOOK} topic: one {@code
 * ENTITY_CREATE_V2} per defined entity, one {@code ENTITY_PARTIAL_UPDATE_V2} per changed one,
 * {@code ENTITY_DELETE_V2} for deletes.
 *
 * <p>Every message is keyed by its entity ({@code tenant/type/qualifiedName}), so all messages
 * about one entity land in one partition and Atlas applies them in order; the parts of a split
 * message share that key and so stay in order too. (Atlas's own hooks send no key: ATLAS-4323.)
 * References between entities are by unique attribute; Atlas's hook consumer creates a shell for a
 * referenced entity whose own message it has not yet read ({@code
 * atlas.notification.consumer.create.shell.entity.for.non-existing.ref}, true by default).
 *
 * <p>Atlas assigns guids when it consumes the messages, so results carry no guids.
 */
public final class AtlasNotificationSink implements AtlasSink {
  private final Producer<String, String> producer;
  private final String topic;
  private final AtlasNotificationEncoder encoder;
  private final String user;

  public AtlasNotificationSink(
      Producer<String, String> producer,
      String topic,
      AtlasNotificationEncoder encoder,
      String user) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.user = Objects.requireNonNull(user, "user");
  }

  @Override
  public boolean oneRequestPerMutation() {
    return false;
  }

  @Override
  public List<MutationResult> write(List<AtlasWritePlan> plans) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    List<MutationResult> results = new ArrayList<>(plans.size());
    for (AtlasWritePlan plan : plans) {
      for (AtlasWritePlan.Keyed create : plan.creates()) {
        send(
            create.key().toString(),
            HookNotification.EntityCreateRequestV2.of(
                user, AtlasEntitiesWithExtInfo.of(List.of(create.entity()))),
            sent);
      }
      for (AtlasWritePlan.Keyed partial : plan.partialUpdates()) {
        AtlasObjectId id =
            AtlasObjectId.ofQualifiedName(
                partial.entity().typeName(), partial.entity().qualifiedName());
        send(
            partial.key().toString(),
            HookNotification.EntityPartialUpdateRequestV2.of(
                user, id, AtlasEntityWithExtInfo.of(partial.entity())),
            sent);
      }
      results.add(new MutationResult(Map.of(), List.of(), List.of()));
    }
    await(sent);
    return results;
  }

  @Override
  public void delete(EntityKey key, AtlasObjectId entity) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    send(key.toString(), HookNotification.EntityDeleteRequestV2.of(user, List.of(entity)), sent);
    await(sent);
  }

  private void send(String key, HookNotification message, List<Future<RecordMetadata>> sent) {
    for (String part : encoder.encode(message)) {
      sent.add(producer.send(new ProducerRecord<>(topic, key, part)));
    }
  }

  private void await(List<Future<RecordMetadata>> sent) {
    for (Future<RecordMetadata> f : sent) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new CatalogException(
            "publishing to " + topic + " failed: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CatalogException("interrupted while publishing to " + topic, e);
      }
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}

package io.tributary.atlas;

import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Types;

/**
 * Mandatory attributes of the types Atlas ships and Tributary reuses, filled from the qualifiedName
 * when a write leaves them out, so that a real Atlas accepts the entity: {@code kafka_topic} needs
 * {@code topic} and {@code uri}; Atlas's Flink model makes {@code id} mandatory and unique on
 * {@code flink_application} and {@code flink_process}.
 */
final class AtlasNativeTypes {
  private AtlasNativeTypes() {}

  static void fillMandatory(EntityKey key, AtlasEntity current, AtlasEntity.Builder b) {
    String qualifiedName = key.qualifiedName();
    switch (key.typeName()) {
      case Types.KAFKA_TOPIC -> {
        int at = qualifiedName.lastIndexOf('@');
        if (current.attribute("topic") == null) {
          b.attribute("topic", at > 0 ? qualifiedName.substring(0, at) : qualifiedName);
        }
        if (current.attribute("uri") == null) {
          b.attribute("uri", qualifiedName);
        }
      }
      case Types.FLINK_APPLICATION, Types.FLINK_PROCESS -> {
        if (current.attribute("id") == null) {
          b.attribute("id", qualifiedName);
        }
      }
      default -> {
        // Tributary's own types have no mandatory attribute beyond qualifiedName and name.
      }
    }
  }
}

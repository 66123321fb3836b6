package io.tributary.catalog.atlas;

import io.tributary.atlas.AtlasNotificationEncoder;
import java.util.Map;
import java.util.Objects;

/**
 * The remote-Atlas backend: REST reads always, and writes through REST or notifications.
 *
 * @param batchSize most entities in one {@code POST /v2/entity/bulk}
 */
public record AtlasBackendConfig(
    AtlasRestConfig rest, SinkKind sink, int batchSize, NotificationConfig notification) {
  /** Which way writes travel. */
  public enum SinkKind {
    REST,
    NOTIFICATION
  }

  public AtlasBackendConfig {
    Objects.requireNonNull(rest, "rest");
    Objects.requireNonNull(sink, "sink");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " must be positive");
    }
    if (sink == SinkKind.NOTIFICATION) {
      Objects.requireNonNull(notification, "notification settings of the NOTIFICATION sink");
    }
  }

  public static AtlasBackendConfig rest(AtlasRestConfig rest) {
    return new AtlasBackendConfig(rest, SinkKind.REST, 100, null);
  }

  public static AtlasBackendConfig notification(AtlasRestConfig rest, NotificationConfig n) {
    return new AtlasBackendConfig(rest, SinkKind.NOTIFICATION, 100, n);
  }

  /**
   * The {@code ATLAS_HOOK} side.
   *
   * @param producerProperties extra kafka-clients producer settings (security, ...); may hold
   *     secrets, so they are not printed
   * @param maxLengthBytes Atlas's {@code atlas.notification.message.max.length.bytes}
   * @param user the user Atlas records for the changes
   */
  public record NotificationConfig(
      String bootstrapServers,
      String topic,
      Map<String, String> producerProperties,
      int maxLengthBytes,
      boolean compress,
      String user) {
    public static final String ATLAS_HOOK = "ATLAS_HOOK";

    public NotificationConfig {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(user, "user");
      producerProperties = producerProperties == null ? Map.of() : Map.copyOf(producerProperties);
    }

    public static NotificationConfig of(String bootstrapServers) {
      return new NotificationConfig(
          bootstrapServers,
          ATLAS_HOOK,
          Map.of(),
          AtlasNotificationEncoder.ATLAS_DEFAULT_MAX_LENGTH_BYTES,
          true,
          "tributary");
    }

    @Override
    public String toString() {
      return "NotificationConfig[bootstrapServers="
          + bootstrapServers
          + ", topic="
          + topic
          + ", producerProperties="
          + producerProperties.keySet()
          + ", maxLengthBytes="
          + maxLengthBytes
          + ", compress="
          + compress
          + ", user="
          + user
          + "]";
    }
  }
}

package io.tributary.openlineage.internal.mapping;

import io.tributary.catalog.Types;
import io.tributary.openlineage.NamespaceResolver;
import java.util.Locale;

/**
 * Picks an Atlas type and qualifiedName for an OpenLineage dataset from its namespace's scheme.
 * Streaming types are named {@code <topic>@<cluster>} as Atlas names {@code kafka_topic}; anything
 * else is an {@code openlineage_dataset} named {@code <namespace>/<name>}.
 */
final class DatasetNaming {
  private static final String KINESIS_ARN = "arn:aws:kinesis:";
  private static final String KINESIS_STREAM_PREFIX = "stream/";

  private final NamespaceResolver resolver;

  DatasetNaming(NamespaceResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * @param clusterHint the producer's cluster for the namespace, or null
   */
  DatasetName name(String namespace, String name, String clusterHint) {
    String type = streamingType(namespace);
    if (type == null) {
      return new DatasetName(Types.GENERIC_DATASET, namespace + "/" + name, namespace, name, null);
    }
    String cluster = resolver.cluster(namespace, clusterHint);
    String topic = name;
    if (type.equals(Types.KINESIS_STREAM) && topic.startsWith(KINESIS_STREAM_PREFIX)) {
      topic = topic.substring(KINESIS_STREAM_PREFIX.length());
    }
    return new DatasetName(type, topic + "@" + cluster, namespace, name, cluster);
  }

  /** The streaming type of a namespace's scheme, or null for every other scheme. */
  static String streamingType(String namespace) {
    String lower = namespace.toLowerCase(Locale.ROOT);
    if (lower.startsWith(KINESIS_ARN)) {
      return Types.KINESIS_STREAM;
    }
    int colon = lower.indexOf("://");
    if (colon < 0) {
      return null;
    }
    return switch (lower.substring(0, colon)) {
      case "kafka" -> Types.KAFKA_TOPIC;
      case "pulsar", "pulsar+ssl" -> Types.PULSAR_TOPIC;
      case "kinesis" -> Types.KINESIS_STREAM;
      case "mqtt", "mqtts" -> Types.MQTT_TOPIC;
      default -> null;
    };
  }
}

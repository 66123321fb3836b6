package io.tributary.ranger.audit;

import io.tributary.config.ConfigException;
import io.tributary.config.Configuration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code audit.sink: kafka}: {@link KafkaAuditSink} on {@code audit.kafka.*}. */
public final class KafkaAuditSinkProvider implements AuditSinkProvider {
  public static final String NAME = "kafka";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AuditSink create(Configuration config) {
    String servers = config.get(AuditSettings.KAFKA_BOOTSTRAP_SERVERS);
    if (servers == null || servers.isBlank()) {
      throw new ConfigException(
          "Audit sink 'kafka' needs '" + AuditSettings.KAFKA_BOOTSTRAP_SERVERS.name() + "'");
    }
    Map<String, Object> producer = new LinkedHashMap<>();
    producer.put("bootstrap.servers", servers);
    return KafkaAuditSink.create(producer, config.get(AuditSettings.KAFKA_TOPIC));
  }
}

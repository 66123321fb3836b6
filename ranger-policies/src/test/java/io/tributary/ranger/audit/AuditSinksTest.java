package io.tributary.ranger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AuditSinksTest {
  private static final AuditRecord DENIED =
      AuditRecord.decision(
          "e-1",
          Instant.parse("2026-03-01T12:00:00Z"),
          "tributary",
          "acme-reader",
          "write",
          "dataset",
          "acme/prod/orders",
          false,
          -1,
          3L,
          Set.of("PII"),
          "127.0.0.1",
          null);

  private static final String JSON =
      "{\"id\":\"e-1\",\"evtTime\":\"2026-03-01T12:00:00Z\",\"repo\":\"tributary\","
          + "\"reqUser\":\"acme-reader\",\"access\":\"write\",\"resType\":\"dataset\","
          + "\"resource\":\"acme/prod/orders\",\"tenant\":\"acme\",\"result\":0,\"policy\":-1,"
          + "\"policyVersion\":3,\"tags\":[\"PII\"],\"cliIP\":\"127.0.0.1\",\"zoneName\":null,"
          + "\"event_count\":1}";

  @Test
  void shouldWriteOneJsonLinePerDecisionToTheAuditLogger() {
    Logger logger = (Logger) LoggerFactory.getLogger(Slf4jAuditSink.LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    Level level = logger.getLevel();
    logger.setLevel(Level.INFO);
    try {
      new Slf4jAuditSink().send(DENIED);
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(level);
    }
    assertThat(appender.list)
        .singleElement()
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEqualTo(JSON);
  }

  @Test
  void shouldSendDecisionsToKafkaKeyedByTenantAndCountRefusals() {
    MockProducer<String, String> producer =
        new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    KafkaAuditSink sink = new KafkaAuditSink(producer, "tributary_audit");
    sink.send(DENIED);
    assertThat(producer.history())
        .singleElement()
        .satisfies(
            (ProducerRecord<String, String> record) -> {
              assertThat(record.topic()).isEqualTo("tributary_audit");
              assertThat(record.key()).isEqualTo("acme");
              assertThat(record.value()).isEqualTo(JSON);
            });
    assertThat(sink.dropped()).isZero();

    MockProducer<String, String> failing =
        new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    KafkaAuditSink failingSink = new KafkaAuditSink(failing, "tributary_audit");
    failingSink.send(DENIED);
    failing.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker down"));
    assertThat(failingSink.dropped()).isEqualTo(1);
  }
}

package io.tributary.ranger.audit;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each decision as one JSON line to the SLF4J logger {@code tributary.audit}; the logging
 * configuration sends that logger to its own file.
 */
public final class Slf4jAuditSink implements AuditSink {
  public static final String LOGGER_NAME = "tributary.audit";

  private final Logger logger;
  private final AtomicLong dropped = new AtomicLong();

  public Slf4jAuditSink() {
    this(LoggerFactory.getLogger(LOGGER_NAME));
  }

  public Slf4jAuditSink(Logger logger) {
    this.logger = logger;
  }

  @Override
  public void send(AuditRecord record) {
    try {
      logger.info("{}", AuditJson.toJson(record));
    } catch (RuntimeException e) {
      dropped.incrementAndGet();
    }
  }

  @Override
  public long dropped() {
    return dropped.get();
  }
}

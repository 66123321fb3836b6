package io.tributary.server.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import io.tributary.ranger.audit.Slf4jAuditSink;
import java.nio.file.Path;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * Sends the {@code log} audit sink's records to {@code <data.dir>/logs/audit.log} (a file a day,
 * kept 30 days) instead of the console, unless the logging configuration already gives the {@value
 * Slf4jAuditSink#LOGGER_NAME} logger an appender of its own: audit records are for their sink, and
 * a console that prints one per decision hides what a person needs to read.
 */
final class AuditLogFile {
  static final String APPENDER = "tributary-audit-file";
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(AuditLogFile.class);

  private AuditLogFile() {}

  /**
   * Routes the audit logger to a file under {@code dataDir}, replacing an earlier route of this
   * class; returns the file, or null when the logging configuration routes it itself.
   */
  static Path route(Path dataDir) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return null;
    }
    Logger audit = context.getLogger(Slf4jAuditSink.LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = audit.iteratorForAppenders(); it.hasNext(); ) {
      if (!APPENDER.equals(it.next().getName())) {
        return null;
      }
    }
    Path file = dataDir.toAbsolutePath().resolve("logs").resolve("audit.log");
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setFile(file.toString());
    appender.setEncoder(encoder);
    TimeBasedRollingPolicy<ILoggingEvent> rolling = new TimeBasedRollingPolicy<>();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(file.getParent().resolve("audit.%d{yyyy-MM-dd}.log.gz").toString());
    rolling.setMaxHistory(30);
    rolling.start();
    appender.setRollingPolicy(rolling);
    appender.start();
    Appender<ILoggingEvent> previous = audit.getAppender(APPENDER);
    audit.addAppender(appender);
    if (previous != null) {
      audit.detachAppender(previous);
      previous.stop();
    }
    audit.setAdditive(false);
    LOG.info("audit records go to {}", file);
    return file;
  }
}

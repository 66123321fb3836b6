package io.tributary.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.ranger.audit.Slf4jAuditSink;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class AuditLogFileTest {
  private final Logger audit =
      ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Slf4jAuditSink.LOGGER_NAME);

  private Level level;

  @BeforeEach
  void auditAtInfo() {
    // The test class path's logging configuration may silence the audit logger.
    level = audit.getLevel();
    audit.setLevel(Level.INFO);
  }

  @AfterEach
  void restore() {
    audit.detachAndStopAllAppenders();
    audit.setAdditive(true);
    audit.setLevel(level);
  }

  @Test
  void shouldWriteAuditRecordsToTheDataDirectoryInsteadOfTheConsole(@TempDir Path dataDir)
      throws Exception {
    Path file = AuditLogFile.route(dataDir);

    audit.info("{\"reqUser\":\"acme-writer\"}");

    assertThat(file).isEqualTo(dataDir.toAbsolutePath().resolve("logs/audit.log"));
    assertThat(Files.readString(file)).isEqualTo("{\"reqUser\":\"acme-writer\"}\n");
    assertThat(audit.isAdditive()).as("nothing reaches the root logger's console").isFalse();
  }

  @Test
  void shouldMoveItsOwnRouteToTheNextDataDirectory(@TempDir Path first, @TempDir Path second)
      throws Exception {
    AuditLogFile.route(first);
    Path file = AuditLogFile.route(second);

    audit.info("second");

    assertThat(Files.readString(file)).isEqualTo("second\n");
    assertThat(Files.readString(first.resolve("logs/audit.log"))).isEmpty();
  }

  @Test
  void shouldLeaveARouteTheLoggingConfigurationGivesAlone(@TempDir Path dataDir) {
    ListAppender<ILoggingEvent> configured = new ListAppender<>();
    configured.setName("configured");
    configured.start();
    audit.addAppender(configured);

    assertThat(AuditLogFile.route(dataDir)).isNull();
    audit.info("kept");

    assertThat(configured.list).hasSize(1);
    assertThat(dataDir.resolve("logs")).doesNotExist();
  }
}

package io.tributary.ranger.audit;

import io.tributary.config.Configuration;

/** {@code audit.sink: log}: {@link Slf4jAuditSink}. */
public final class Slf4jAuditSinkProvider implements AuditSinkProvider {
  public static final String NAME = "log";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AuditSink create(Configuration config) {
    return new Slf4jAuditSink();
  }
}

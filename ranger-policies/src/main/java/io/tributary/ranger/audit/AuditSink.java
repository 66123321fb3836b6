package io.tributary.ranger.audit;

/**
 * Where access decisions go. Implementations never block or throw into the request that was
 * decided: a record they cannot deliver is dropped and counted.
 */
public interface AuditSink extends AutoCloseable {
  void send(AuditRecord record);

  /** Records that could not be delivered. */
  long dropped();

  @Override
  default void close() {}
}

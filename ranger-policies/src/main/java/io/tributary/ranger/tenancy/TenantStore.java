package io.tributary.ranger.tenancy;

import java.nio.file.Path;

/**
 * Where the tenant registry's changes are kept: a file in the data directory for one server, or a
 * log that several servers share (each applies every change, its own and the others', in the log's
 * one order). The registry keeps its contents in memory either way.
 */
public interface TenantStore extends AutoCloseable {
  /** Applies a change to the registry; false when the registry refuses it. */
  @FunctionalInterface
  interface Applier {
    boolean apply(RegistryChange change);
  }

  /**
   * Hands the stored changes to {@code applier} in order and returns once they are applied; a
   * shared store then keeps handing it later changes.
   */
  void start(Applier applier);

  /**
   * Records {@code change} and returns once {@code applier} has applied or refused it here.
   *
   * @return whether it applied (false: an earlier record won, a create of the same id)
   * @throws TenantStoreUnavailableException when the change cannot be recorded in time
   */
  boolean write(RegistryChange change);

  /**
   * Whether other servers write this store too; then replaying it at start must bring this server's
   * policies up to date with their changes.
   */
  default boolean shared() {
    return false;
  }

  @Override
  void close();

  /** The single-server store: {@code tenants.json} in the data directory. */
  static TenantStore file(Path file) {
    return new FileTenantStore(file);
  }
}

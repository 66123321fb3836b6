package io.tributary.ranger.tenancy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.tenancy.RegistryChange.ShareGranted;
import io.tributary.ranger.tenancy.RegistryChange.ShareRevoked;
import io.tributary.ranger.tenancy.RegistryChange.TenantCreated;
import io.tributary.ranger.tenancy.RegistryChange.TenantDeleted;
import io.tributary.ranger.tenancy.RegistryChange.TenantRestated;
import io.tributary.ranger.tenancy.RegistryChange.TenantUpdated;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenants, their configuration and their shares, kept in memory and recorded in a {@link
 * TenantStore} (the data directory's {@code tenants.json}, or a log the servers of a cluster
 * share). Every change that applies, whichever server made it, makes the local policies match:
 * creating a tenant creates its Ranger policies, sharing creates a policy, deleting and revoking
 * remove them; they take effect at the authorizer's next refresh.
 *
 * <p>This server's changes are serialised; reads ({@link #get}, {@link #list}) take no lock, so
 * ingest can look a tenant's quotas up on its hot path.
 */
public final class TenantRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TenantRegistry.class);

  private final TenantStore changes;
  private final PolicyStore store;
  private final TenantPolicies policies;
  private final InstantSource clock;
  private final Object applying = new Object();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile RegistryState state = RegistryState.EMPTY;
  private volatile boolean opened;

  private TenantRegistry(
      TenantStore changes, PolicyStore store, TenantPolicies policies, InstantSource clock) {
    this.changes = changes;
    this.store = store;
    this.policies = policies;
    this.clock = clock;
  }

  /**
   * Opens the registry kept in {@code file} (a missing file is an empty registry) and makes sure
   * the platform administrators' policy exists.
   */
  public static TenantRegistry open(
      Path file, PolicyStore store, TenantPolicies policies, InstantSource clock) {
    return open(TenantStore.file(file), store, policies, clock);
  }

  /**
   * Opens the registry recorded in {@code changes}: returns once what it holds is applied (and the
   * local policies match it), and makes sure the platform administrators' policy exists.
   */
  public static TenantRegistry open(
      TenantStore changes, PolicyStore store, TenantPolicies policies, InstantSource clock) {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(clock, "clock");
    TenantRegistry registry = new TenantRegistry(changes, store, policies, clock);
    store.put(policies.forPlatform());
    changes.start(registry::apply);
    registry.opened = true;
    return registry;
  }

  /** Runs {@code listener} after every change that applies, this server's or another's. */
  public void onChange(Runnable listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public Optional<Tenant> get(TenantId id) {
    return Optional.ofNullable(state.tenants().get(id));
  }

  public Tenant require(TenantId id) {
    return get(id).orElseThrow(() -> new TenantNotFoundException(id));
  }

  /** Tenants by id. */
  public List<Tenant> list() {
    return state.tenants().values().stream()
        .sorted(Comparator.comparing(t -> t.id().value()))
        .toList();
  }

  /**
   * Creates a tenant.
   *
   * @throws TenantExistsException when the id is taken, here or by a create another server recorded
   *     first
   */
  public synchronized Tenant create(TenantId id, TenantConfig config) {
    if (state.tenants().containsKey(id)) {
      throw new TenantExistsException(id);
    }
    Tenant tenant = new Tenant(id, config, clock.instant(), clock.instant());
    if (!changes.write(new TenantCreated(tenant))) {
      restate(id);
      throw new TenantExistsException(id);
    }
    LOG.info("Tenant '{}' created", id);
    return tenant;
  }

  public synchronized Tenant update(TenantId id, TenantConfig config) {
    Tenant old = require(id);
    Tenant tenant = new Tenant(id, config, old.created(), clock.instant());
    changes.write(new TenantUpdated(tenant));
    LOG.info("Tenant '{}' updated", id);
    return tenant;
  }

  /** Deletes the tenant, its policies, and every share it gave or received. */
  public synchronized void delete(TenantId id) {
    require(id);
    // Removing the shares one by one leaves no share record behind for compaction to keep.
    for (Share share : shares(id)) {
      changes.write(new ShareRevoked(share.id()));
    }
    changes.write(new TenantDeleted(id));
    LOG.info("Tenant '{}' deleted", id);
  }

  /**
   * Grants every role of {@code grantee} read and lineage on {@code datasets} of {@code owner} in
   * {@code namespace}. Sharing the same datasets again returns the existing share.
   */
  public synchronized Share share(
      TenantId owner, TenantId grantee, String namespace, List<String> datasets) {
    require(owner);
    require(grantee);
    List<String> sorted = datasets.stream().distinct().sorted().toList();
    String id = shareId(owner, grantee, namespace, sorted);
    Share existing = state.shares().get(id);
    if (existing != null) {
      return existing;
    }
    Share share = new Share(id, owner, grantee, namespace, sorted, clock.instant());
    if (!changes.write(new ShareGranted(share))) {
      // Another server deleted one of the two in the meantime.
      require(owner);
      throw new TenantNotFoundException(grantee);
    }
    LOG.info("Tenant '{}' shared {} in '{}' with '{}' ({})", owner, sorted, namespace, grantee, id);
    return share;
  }

  /** Revokes a share; it stops applying at the authorizer's next refresh. */
  public synchronized void revoke(TenantId owner, String shareId) {
    Share share = state.shares().get(shareId);
    if (share == null || !share.owner().equals(owner)) {
      throw new ShareNotFoundException(owner, shareId);
    }
    changes.write(new ShareRevoked(shareId));
    LOG.info("Share '{}' of tenant '{}' revoked", shareId, owner);
  }

  /** Shares the tenant gave or received. */
  public List<Share> shares(TenantId tenant) {
    return state.shares().values().stream()
        .filter(s -> s.owner().equals(tenant) || s.grantee().equals(tenant))
        .sorted(Comparator.comparing(Share::id))
        .toList();
  }

  /**
   * After a refused create the log's last record of the id is the loser's: write the winner's
   * tenant again, so that a compacted log still gives the winner.
   */
  private void restate(TenantId id) {
    Tenant winner = state.tenants().get(id);
    if (winner == null) {
      return;
    }
    try {
      changes.write(new TenantRestated(winner));
    } catch (RuntimeException e) {
      LOG.warn("Tenant '{}': cannot restate the winning create: {}", id, e.toString());
    }
  }

  /** Applies a recorded change, and makes the local policies match what it changed. */
  private boolean apply(RegistryChange change) {
    synchronized (applying) {
      RegistryState current = state;
      Optional<RegistryState> next = current.apply(change);
      if (next.isEmpty()) {
        LOG.debug("Registry change of {} refused", change.key());
        return false;
      }
      // A store of this server alone replays what the policies already hold; a shared one may
      // hold other servers' changes that this server's policies never saw.
      if (opened || changes.shared()) {
        matchPolicies(current, next.get());
      }
      state = next.get();
    }
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.warn("Registry change listener failed: {}", e.toString());
      }
    }
    return true;
  }

  private void matchPolicies(RegistryState before, RegistryState after) {
    for (Share share : before.shares().values()) {
      if (!after.shares().containsKey(share.id())) {
        store.remove(policies.forShare(share));
      }
    }
    for (TenantId id : before.tenants().keySet()) {
      if (!after.tenants().containsKey(id)) {
        store.remove(policies.forTenant(id));
      }
    }
    for (TenantId id : after.tenants().keySet()) {
      if (!before.tenants().containsKey(id)) {
        store.put(policies.forTenant(id));
      }
    }
    for (Share share : after.shares().values()) {
      if (!before.shares().containsKey(share.id())) {
        store.put(policies.forShare(share));
      }
    }
  }

  /** Stops following the store; the contents stay readable. */
  @Override
  public void close() {
    changes.close();
  }

  private static String shareId(
      TenantId owner, TenantId grantee, String namespace, List<String> datasets) {
    String key = owner + "\n" + grantee + "\n" + namespace + "\n" + String.join("\n", datasets);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}

package io.tributary.ranger.tenancy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.contract.TenantId;
import io.tributary.ranger.PolicyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenants, their configuration and their shares, persisted as JSON in the data directory.
 * Creating a tenant creates its Ranger policies, sharing creates a policy, deleting and revoking
 * remove them; they take effect at the authorizer's next policy poll.
 *
 * <p>Changes are serialised; reads ({@link #get}, {@link #list}) take no lock, so ingest can look a
 * tenant's quotas up on its hot path.
 */
public final class TenantRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(TenantRegistry.class);
  private static final ObjectMapper JSON = RegistryJson.mapper();

  private record State(Map<TenantId, Tenant> tenants, Map<String, Share> shares) {}

  private final Path file;
  private final PolicyStore store;
  private final TenantPolicies policies;
  private final InstantSource clock;
  private volatile State state;

  private TenantRegistry(
      Path file, PolicyStore store, TenantPolicies policies, InstantSource clock, State state) {
    this.file = file;
    this.store = store;
    this.policies = policies;
    this.clock = clock;
    this.state = state;
  }

  /**
   * Opens the registry kept in {@code file} (a missing file is an empty registry) and makes sure
   * the platform administrators' policy exists.
   */
  public static TenantRegistry open(
      Path file, PolicyStore store, TenantPolicies policies, InstantSource clock) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(clock, "clock");
    State state = new State(Map.of(), Map.of());
    if (Files.exists(file)) {
      try {
        RegistryJson.Document document =
            JSON.readValue(
                Files.readString(file, StandardCharsets.UTF_8), RegistryJson.Document.class);
        Map<TenantId, Tenant> tenants = new LinkedHashMap<>();
        document.tenants().forEach(t -> tenants.put(t.id(), t));
        Map<String, Share> shares = new LinkedHashMap<>();
        document.shares().forEach(s -> shares.put(s.id(), s));
        state = new State(Map.copyOf(tenants), Map.copyOf(shares));
      } catch (IOException | RuntimeException e) {
        throw new PolicyException("Tenant registry " + file + " is invalid: " + e.getMessage(), e);
      }
    }
    TenantRegistry registry = new TenantRegistry(file, store, policies, clock, state);
    store.put(policies.forPlatform());
    return registry;
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

  public synchronized Tenant create(TenantId id, TenantConfig config) {
    State current = state;
    if (current.tenants().containsKey(id)) {
      throw new TenantExistsException(id);
    }
    Tenant tenant = new Tenant(id, config, clock.instant(), clock.instant());
    PolicySet set = policies.forTenant(id);
    store.put(set);
    Map<TenantId, Tenant> tenants = new LinkedHashMap<>(current.tenants());
    tenants.put(id, tenant);
    try {
      commit(new State(tenants, current.shares()));
    } catch (RuntimeException e) {
      store.remove(set);
      throw e;
    }
    LOG.info("Tenant '{}' created", id);
    return tenant;
  }

  public synchronized Tenant update(TenantId id, TenantConfig config) {
    State current = state;
    Tenant old = current.tenants().get(id);
    if (old == null) {
      throw new TenantNotFoundException(id);
    }
    Tenant tenant = new Tenant(id, config, old.created(), clock.instant());
    Map<TenantId, Tenant> tenants = new LinkedHashMap<>(current.tenants());
    tenants.put(id, tenant);
    commit(new State(tenants, current.shares()));
    LOG.info("Tenant '{}' updated", id);
    return tenant;
  }

  /** Deletes the tenant, its policies, and every share it gave or received. */
  public synchronized void delete(TenantId id) {
    State current = state;
    if (!current.tenants().containsKey(id)) {
      throw new TenantNotFoundException(id);
    }
    Map<String, Share> shares = new LinkedHashMap<>(current.shares());
    for (Share share : current.shares().values()) {
      if (share.owner().equals(id) || share.grantee().equals(id)) {
        store.remove(policies.forShare(share));
        shares.remove(share.id());
      }
    }
    store.remove(policies.forTenant(id));
    Map<TenantId, Tenant> tenants = new LinkedHashMap<>(current.tenants());
    tenants.remove(id);
    commit(new State(tenants, shares));
    LOG.info("Tenant '{}' deleted", id);
  }

  /**
   * Grants every role of {@code grantee} read and lineage on {@code datasets} of {@code owner} in
   * {@code namespace}. Sharing the same datasets again returns the existing share.
   */
  public synchronized Share share(
      TenantId owner, TenantId grantee, String namespace, List<String> datasets) {
    State current = state;
    requireIn(current, owner);
    requireIn(current, grantee);
    List<String> sorted = datasets.stream().distinct().sorted().toList();
    String id = shareId(owner, grantee, namespace, sorted);
    Share existing = current.shares().get(id);
    if (existing != null) {
      return existing;
    }
    Share share = new Share(id, owner, grantee, namespace, sorted, clock.instant());
    PolicySet set = policies.forShare(share);
    store.put(set);
    Map<String, Share> shares = new LinkedHashMap<>(current.shares());
    shares.put(id, share);
    try {
      commit(new State(current.tenants(), shares));
    } catch (RuntimeException e) {
      store.remove(set);
      throw e;
    }
    LOG.info("Tenant '{}' shared {} in '{}' with '{}' ({})", owner, sorted, namespace, grantee, id);
    return share;
  }

  /** Revokes a share; it stops applying at the authorizer's next policy poll. */
  public synchronized void revoke(TenantId owner, String shareId) {
    State current = state;
    Share share = current.shares().get(shareId);
    if (share == null || !share.owner().equals(owner)) {
      throw new ShareNotFoundException(owner, shareId);
    }
    store.remove(policies.forShare(share));
    Map<String, Share> shares = new LinkedHashMap<>(current.shares());
    shares.remove(shareId);
    commit(new State(current.tenants(), shares));
    LOG.info("Share '{}' of tenant '{}' revoked", shareId, owner);
  }

  /** Shares the tenant gave or received. */
  public List<Share> shares(TenantId tenant) {
    return state.shares().values().stream()
        .filter(s -> s.owner().equals(tenant) || s.grantee().equals(tenant))
        .sorted(Comparator.comparing(Share::id))
        .toList();
  }

  private static void requireIn(State state, TenantId id) {
    if (!state.tenants().containsKey(id)) {
      throw new TenantNotFoundException(id);
    }
  }

  private void commit(State next) {
    RegistryJson.Document document =
        new RegistryJson.Document(
            1,
            next.tenants().values().stream()
                .sorted(Comparator.comparing(t -> t.id().value()))
                .toList(),
            new ArrayList<>(next.shares().values()));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(temp, JSON.writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new PolicyException("Cannot write tenant registry " + file + ": " + e.getMessage(), e);
    }
    state = new State(Map.copyOf(next.tenants()), Map.copyOf(next.shares()));
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

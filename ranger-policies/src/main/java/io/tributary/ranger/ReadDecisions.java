package io.tributary.ranger;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read decisions remembered per principal and resource path (tenant, namespace, dataset or job,
 * with the classifications tag policies see) while the policies in force stay the same, for at most
 * {@link #TTL}. Where the policies in force name no dataset or job of a namespace one by one
 * ({@link NameUse}), the path is the namespace and kind: one evaluation for all of them. A lineage
 * view reaches thousands of entities in a few dozen namespaces, and the reads of one user repeat
 * the same few resources request after request: a Ranger evaluation costs microseconds, a
 * remembered answer a hash lookup. The time bound is the one write decisions have (a policy's
 * validity schedule, roles from Ranger Admin); a new policy version decides afresh at once.
 */
final class ReadDecisions {
  static final Duration TTL = Duration.ofSeconds(1);

  /** Beyond this many principals or resources per principal the memory starts over. */
  static final int MAX_PRINCIPALS = 10_000;

  static final int MAX_RESOURCES = 100_000;

  /** The name of a remembered decision that holds for every dataset (or job) of a namespace. */
  private static final String ANY = "*";

  /** Ranger's answer for one access to one resource. */
  record Decided(boolean allowed, long policyId) {}

  @FunctionalInterface
  interface Evaluator {
    Decided evaluate(
        Principal principal,
        Set<String> roles,
        AccessType access,
        ResourcePath resource,
        Set<String> classifications);
  }

  private record Key(AccessType access, ResourcePath resource, Set<String> classifications) {}

  private record Entry(Decided decided, long policyVersion, long expiresAt) {}

  private record Roles(Set<String> roles, long policyVersion, long expiresAt) {}

  /** The decisions of one principal. */
  final class OfPrincipal {
    private final Principal principal;
    private final ConcurrentHashMap<Key, Entry> decisions = new ConcurrentHashMap<>();
    private volatile Roles roles;

    private OfPrincipal(Principal principal) {
      this.principal = principal;
    }

    Principal principal() {
      return principal;
    }

    Set<String> roles(long policyVersion, long now) {
      Roles r = roles;
      if (r == null || r.policyVersion() != policyVersion || r.expiresAt() - now <= 0) {
        r = new Roles(rolesOf.apply(principal), policyVersion, now + ttlNanos);
        roles = r;
      }
      return r.roles();
    }

    Decided decide(
        AccessType access,
        ResourcePath resource,
        Set<String> classifications,
        long policyVersion,
        long now) {
      // Where no policy tells names apart, every dataset (or job) of a namespace is decided alike.
      ResourcePath keyed =
          resource.name() == null || names.apply(policyVersion).matters(resource)
              ? resource
              : new ResourcePath(resource.tenant(), resource.namespace(), resource.kind(), ANY);
      Key key = new Key(access, keyed, classifications);
      Entry entry = decisions.get(key);
      if (entry == null || entry.policyVersion() != policyVersion || entry.expiresAt() - now <= 0) {
        Decided decided =
            evaluator.evaluate(
                principal, roles(policyVersion, now), access, resource, classifications);
        if (decisions.size() >= MAX_RESOURCES) {
          decisions.clear();
        }
        entry = new Entry(decided, policyVersion, now + ttlNanos);
        decisions.put(key, entry);
      }
      return entry.decided();
    }
  }

  private final Evaluator evaluator;
  private final java.util.function.Function<Principal, Set<String>> rolesOf;
  private final java.util.function.LongFunction<NameUse> names;
  private final long ttlNanos;
  private final ConcurrentHashMap<Principal, OfPrincipal> principals = new ConcurrentHashMap<>();

  ReadDecisions(
      Evaluator evaluator,
      java.util.function.Function<Principal, Set<String>> rolesOf,
      java.util.function.LongFunction<NameUse> names,
      Duration ttl) {
    this.evaluator = evaluator;
    this.rolesOf = rolesOf;
    this.names = names;
    this.ttlNanos = ttl.toNanos();
  }

  OfPrincipal of(Principal principal) {
    OfPrincipal of = principals.get(principal);
    if (of == null) {
      if (principals.size() >= MAX_PRINCIPALS) {
        principals.clear();
      }
      of = principals.computeIfAbsent(principal, OfPrincipal::new);
    }
    return of;
  }
}

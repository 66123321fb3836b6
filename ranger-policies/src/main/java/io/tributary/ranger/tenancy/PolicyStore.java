package io.tributary.ranger.tenancy;

/**
 * Where generated policies go: local policy files (embedded) or Ranger Admin. Either way they take
 * effect at the authorizer's next policy poll.
 */
public interface PolicyStore {
  /** Creates the set's roles and policies, or replaces policies of the same names. */
  void put(PolicySet set);

  /** Removes the set's policies and roles; missing ones are not an error. */
  void remove(PolicySet set);
}

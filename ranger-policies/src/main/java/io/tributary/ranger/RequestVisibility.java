package io.tributary.ranger;

import io.tributary.catalog.Entity;
import io.tributary.catalog.Visibility;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A request's visibility: one Ranger decision per distinct resource and classification set. */
final class RequestVisibility implements Visibility {
  private record Key(ResourcePath resource, Set<String> classifications) {}

  private final TributaryAuthorizer authorizer;
  private final Principal principal;
  private final Set<String> roles;
  private final AccessType access;
  private final EntityResources resources;
  private final ConcurrentHashMap<Key, Boolean> decisions = new ConcurrentHashMap<>();

  RequestVisibility(
      TributaryAuthorizer authorizer,
      Principal principal,
      Set<String> roles,
      AccessType access,
      EntityResources resources) {
    this.authorizer = authorizer;
    this.principal = principal;
    this.roles = roles;
    this.access = access;
    this.resources = resources;
  }

  @Override
  public boolean canSee(Entity entity) {
    Key key = new Key(resources.of(entity), entity.classifications());
    Boolean decided = decisions.get(key);
    if (decided == null) {
      decided =
          authorizer.isAllowed(principal, roles, access, key.resource(), key.classifications());
      decisions.putIfAbsent(key, decided);
    }
    return decided;
  }
}

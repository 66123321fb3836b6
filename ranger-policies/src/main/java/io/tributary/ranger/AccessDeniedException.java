package io.tributary.ranger;

import java.util.Objects;

/** A principal was refused an access; the HTTP layer answers 403. */
public class AccessDeniedException extends PolicyException {
  private final String user;
  private final AccessType accessType;
  private final ResourcePath resource;

  public AccessDeniedException(String user, AccessType accessType, ResourcePath resource) {
    super("User '" + user + "' may not " + accessType.rangerName() + " " + resource);
    this.user = Objects.requireNonNull(user, "user");
    this.accessType = Objects.requireNonNull(accessType, "accessType");
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  public String user() {
    return user;
  }

  public AccessType accessType() {
    return accessType;
  }

  public ResourcePath resource() {
    return resource;
  }
}

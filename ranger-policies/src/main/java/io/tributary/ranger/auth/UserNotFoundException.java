package io.tributary.ranger.auth;

import io.tributary.ranger.PolicyException;

/** No user of that name in the users file; the HTTP layer answers 404. */
public class UserNotFoundException extends PolicyException {
  public UserNotFoundException(String name) {
    super("User " + AuthNames.quoted(name) + " not found");
  }
}

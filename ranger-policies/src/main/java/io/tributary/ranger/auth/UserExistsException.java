package io.tributary.ranger.auth;

import io.tributary.ranger.PolicyException;

/** A user of that name is already in the users file; the HTTP layer answers 409. */
public class UserExistsException extends PolicyException {
  public UserExistsException(String name) {
    super("User " + AuthNames.quoted(name) + " already exists");
  }
}

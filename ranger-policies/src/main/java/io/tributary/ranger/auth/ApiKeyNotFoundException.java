package io.tributary.ranger.auth;

import io.tributary.ranger.PolicyException;

/** No API key of that id in the users file; the HTTP layer answers 404. */
public class ApiKeyNotFoundException extends PolicyException {
  public ApiKeyNotFoundException(String id) {
    super("API key " + AuthNames.quoted(id) + " not found");
  }
}

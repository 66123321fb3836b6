package io.tributary.ranger.auth;

import io.tributary.ranger.PolicyException;

/**
 * Credentials were missing or wrong; the HTTP layer answers 401. Messages say which scheme failed
 * and why in general terms, never the credential itself.
 */
public class AuthenticationException extends PolicyException {
  public AuthenticationException(String message) {
    super(message);
  }

  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}

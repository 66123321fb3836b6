package io.tributary.ranger.auth;

import io.tributary.ranger.PolicyException;

/**
 * The users file cannot be used: its content is invalid, or there is none to change. Messages name
 * the file and the offending entry, never a hash.
 */
public class UsersFileException extends PolicyException {
  public UsersFileException(String message) {
    super(message);
  }

  public UsersFileException(String message, Throwable cause) {
    super(message, cause);
  }
}

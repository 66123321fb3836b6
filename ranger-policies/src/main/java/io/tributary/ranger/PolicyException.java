package io.tributary.ranger;

/** Root of every failure this module reports; messages name the offending value. */
public class PolicyException extends RuntimeException {
  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.tributary.ranger.admin;

import io.tributary.ranger.PolicyException;

/**
 * Ranger Admin refused a request or could not be reached; carries Ranger's own message ({@code
 * msgDesc}).
 */
public class RangerAdminException extends PolicyException {
  private final int status;

  public RangerAdminException(String message, int status) {
    super(message);
    this.status = status;
  }

  public RangerAdminException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
  }

  /** The HTTP status, or -1 when Ranger Admin was not reached. */
  public int status() {
    return status;
  }
}

package io.tributary.ranger.tenancy;

import io.tributary.ranger.PolicyException;

/**
 * A registry change could not be recorded or was not applied in time; the change may or may not
 * take effect, and the client retries it. The HTTP layer answers 503.
 */
public class TenantStoreUnavailableException extends PolicyException {
  public TenantStoreUnavailableException(String message) {
    super(message);
  }

  public TenantStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

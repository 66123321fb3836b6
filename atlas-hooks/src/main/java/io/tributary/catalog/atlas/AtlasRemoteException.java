package io.tributary.catalog.atlas;

import io.tributary.catalog.CatalogException;

/**
 * A remote Atlas answered with an error, or could not be reached.
 *
 * @see #status()
 */
public class AtlasRemoteException extends CatalogException {
  private final int status;
  private final String errorCode;

  public AtlasRemoteException(String message, int status, String errorCode, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status, or 0 when Atlas could not be reached. */
  public int status() {
    return status;
  }

  /** Atlas's {@code errorCode} ({@code ATLAS-404-00-005}), when it sent one. */
  public String errorCode() {
    return errorCode;
  }

  /** Whether trying again may succeed: no answer, or a 5xx. */
  public boolean isTransient() {
    return status == 0 || status >= 500 || status == 429;
  }
}

package io.tributary.catalog;

/** Root of every failure the catalog reports; messages name the offending value. */
public class CatalogException extends RuntimeException {
  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}

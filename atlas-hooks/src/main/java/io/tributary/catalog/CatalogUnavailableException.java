package io.tributary.catalog;

/**
 * The catalog's storage cannot be opened now, for example because another server holds it; the same
 * request may succeed later or elsewhere.
 */
public class CatalogUnavailableException extends CatalogException {
  public CatalogUnavailableException(String message) {
    super(message);
  }
}

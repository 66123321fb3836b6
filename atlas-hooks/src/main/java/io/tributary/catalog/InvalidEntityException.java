package io.tributary.catalog;

/** A write that breaks the type model: unknown type, missing qualifiedName, bad attribute. */
public class InvalidEntityException extends CatalogException {
  public InvalidEntityException(String message) {
    super(message);
  }
}

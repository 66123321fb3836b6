package io.tributary.catalog;

/** An entity that a request names does not exist, or is not visible to the caller. */
public class EntityNotFoundException extends CatalogException {
  public EntityNotFoundException(String what) {
    super("Entity " + what + " not found");
  }
}

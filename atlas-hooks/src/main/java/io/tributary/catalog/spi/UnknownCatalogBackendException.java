package io.tributary.catalog.spi;

import io.tributary.catalog.CatalogException;
import java.util.List;

/** No catalog backend of the configured name is on the class path. */
public class UnknownCatalogBackendException extends CatalogException {
  private final transient List<String> known;

  public UnknownCatalogBackendException(String name, List<String> known) {
    super(
        "Catalog backend '"
            + name
            + "' is unknown: use one of "
            + (known.isEmpty() ? "(none on the class path)" : String.join(", ", known)));
    this.known = List.copyOf(known);
  }

  /** The backends there are. */
  public List<String> known() {
    return known;
  }
}

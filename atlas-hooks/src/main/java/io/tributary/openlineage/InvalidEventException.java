package io.tributary.openlineage;

import io.tributary.catalog.CatalogException;
import io.tributary.contract.schema.Violation;
import java.util.List;

/** An OpenLineage event that does not conform to the schemas; lists every violation found. */
public class InvalidEventException extends CatalogException {
  private static final int MESSAGE_VIOLATIONS = 5;

  private final transient List<Violation> violations;

  public InvalidEventException(List<Violation> violations) {
    super(message(violations));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String message(List<Violation> violations) {
    if (violations.isEmpty()) {
      return "Invalid OpenLineage event";
    }
    StringBuilder out = new StringBuilder("Invalid OpenLineage event: ");
    int shown = Math.min(MESSAGE_VIOLATIONS, violations.size());
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        out.append("; ");
      }
      out.append(violations.get(i));
    }
    if (violations.size() > shown) {
      out.append("; and ").append(violations.size() - shown).append(" more");
    }
    return out.toString();
  }
}

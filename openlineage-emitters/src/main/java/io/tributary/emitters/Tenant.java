package io.tributary.emitters;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tenant that owns a job's lineage; same rule as the catalog's tenant identifier: lower-case
 * letters, digits, '-' and '_', at most 64 characters.
 */
public record Tenant(String value) {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public Tenant {
    Objects.requireNonNull(value, "tenant");
    if (!VALID.matcher(value).matches()) {
      throw new EmitterException("Tenant '" + value + "' is invalid: use [a-z0-9][a-z0-9_-]{0,63}");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}

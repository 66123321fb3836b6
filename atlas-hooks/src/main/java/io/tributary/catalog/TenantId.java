package io.tributary.catalog;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tenant's identifier: lower-case letters, digits, '-' and '_', at most 64 characters. */
public record TenantId(String value) {
  // VALID must be initialised before DEFAULT, whose constructor uses it.
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  public static final TenantId DEFAULT = new TenantId("default");

  public TenantId {
    Objects.requireNonNull(value, "tenant");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "Tenant '" + value + "' is invalid: use [a-z0-9][a-z0-9_-]{0,63}");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}

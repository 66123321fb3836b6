package io.tributary.contract;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tenant's identifier: lower-case letters, digits, '-' and '_', at most 64 characters. */
public record TenantId(String value) {
  /**
   * The rule, as a regular expression; Tributary's tenant facet schema declares the same pattern.
   */
  public static final String PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";

  // VALID must be initialised before DEFAULT, whose constructor uses it.
  private static final Pattern VALID = Pattern.compile(PATTERN);
  public static final TenantId DEFAULT = new TenantId("default");

  public TenantId {
    Objects.requireNonNull(value, "tenant");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("Tenant '" + value + "' is invalid: use " + PATTERN);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}

package io.tributary.emitters;

import io.tributary.contract.TenantId;

/**
 * The tenant that owns a job's lineage, by the catalog's rule ({@link TenantId}): lower-case
 * letters, digits, '-' and '_', at most 64 characters.
 */
public record Tenant(String value) {
  public Tenant {
    try {
      new TenantId(value);
    } catch (IllegalArgumentException e) {
      // An emitter's configuration errors are EmitterExceptions.
      throw new EmitterException(e.getMessage());
    }
  }

  @Override
  public String toString() {
    return value;
  }
}

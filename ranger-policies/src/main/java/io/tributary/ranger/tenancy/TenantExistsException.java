package io.tributary.ranger.tenancy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.PolicyException;

/** A tenant to create exists already; the HTTP layer answers 409. */
public class TenantExistsException extends PolicyException {
  public TenantExistsException(TenantId tenant) {
    super("Tenant '" + tenant + "' already exists");
  }
}

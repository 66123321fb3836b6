package io.tributary.ranger.tenancy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.PolicyException;

/** A tenant named in a request does not exist; the HTTP layer answers 404. */
public class TenantNotFoundException extends PolicyException {
  public TenantNotFoundException(TenantId tenant) {
    super("Tenant '" + tenant + "' not found");
  }
}

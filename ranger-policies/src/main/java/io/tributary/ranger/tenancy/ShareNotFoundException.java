package io.tributary.ranger.tenancy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.PolicyException;

/** A share to revoke does not exist; the HTTP layer answers 404. */
public class ShareNotFoundException extends PolicyException {
  public ShareNotFoundException(TenantId owner, String shareId) {
    super("Share '" + shareId + "' of tenant '" + owner + "' not found");
  }
}

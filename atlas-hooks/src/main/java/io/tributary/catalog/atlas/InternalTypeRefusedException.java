package io.tributary.catalog.atlas;

import io.tributary.catalog.InvalidEntityException;

/** A write of one of Tributary's internal types, which the remote-Atlas backend never sends. */
public final class InternalTypeRefusedException extends InvalidEntityException {
  public InternalTypeRefusedException(String typeName) {
    super(
        "'"
            + typeName
            + "' entities are internal to Tributary and are not written to a remote Atlas:"
            + " they need an embedded catalog backend");
  }
}

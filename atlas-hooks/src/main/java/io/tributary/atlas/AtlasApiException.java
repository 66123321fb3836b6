package io.tributary.atlas;

import io.tributary.catalog.CatalogException;
import java.util.Objects;

/** A failure to report in Atlas's shape: an {@link AtlasErrorCode} and its formatted message. */
public class AtlasApiException extends CatalogException {
  private final AtlasErrorCode errorCode;

  public AtlasApiException(AtlasErrorCode errorCode, Object... params) {
    super(Objects.requireNonNull(errorCode, "errorCode").format(params));
    this.errorCode = errorCode;
  }

  public AtlasErrorCode errorCode() {
    return errorCode;
  }

  public AtlasErrorResponse toResponse() {
    return new AtlasErrorResponse(errorCode.code(), getMessage());
  }
}

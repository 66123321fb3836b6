package io.tributary.server.ingest;

import java.io.IOException;

/**
 * A request body passed the size limit while it was read. An {@link IOException} so that it leaves
 * the JSON parser unchanged.
 */
final class BodyTooLargeException extends IOException {
  BodyTooLargeException(long limit) {
    super("the request body is larger than " + limit + " bytes");
  }
}

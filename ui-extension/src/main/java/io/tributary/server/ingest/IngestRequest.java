package io.tributary.server.ingest;

import java.io.InputStream;
import java.util.Objects;

/**
 * What an ingest endpoint needs of an HTTP request.
 *
 * @param contentLength the declared length, -1 when unknown (chunked)
 * @param tenant the {@code tenant} query parameter, or null
 */
public record IngestRequest(
    String contentType,
    String contentEncoding,
    long contentLength,
    String authorization,
    String tenant,
    InputStream body) {
  public IngestRequest {
    Objects.requireNonNull(body, "body");
  }
}

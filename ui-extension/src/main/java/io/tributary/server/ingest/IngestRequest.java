package io.tributary.server.ingest;

import io.tributary.server.security.Caller;
import java.io.InputStream;
import java.util.Objects;

/**
 * What an ingest endpoint needs of an HTTP request.
 *
 * @param contentLength the declared length, -1 when unknown (chunked)
 * @param tenantHeader the {@code X-Tributary-Tenant} header, or null
 * @param tenantParameter the {@code tenant} query parameter, or null
 * @param caller who sends the events
 */
public record IngestRequest(
    String contentType,
    String contentEncoding,
    long contentLength,
    String authorization,
    String tenantHeader,
    String tenantParameter,
    InputStream body,
    Caller caller) {
  public IngestRequest {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(caller, "caller");
  }
}

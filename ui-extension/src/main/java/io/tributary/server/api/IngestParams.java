package io.tributary.server.api;

import io.tributary.contract.IngestHeaders;
import io.tributary.server.ingest.IngestRequest;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.InputStream;

/**
 * What an OpenLineage ingest route reads of its request besides the body, injected by JAX-RS as a
 * bean parameter so that the one-event and the batch routes declare it once. Fields, not a
 * constructor: JAX-RS fills a bean parameter's fields.
 */
public final class IngestParams {
  @HeaderParam(HttpHeaders.CONTENT_TYPE)
  String contentType;

  @HeaderParam(HttpHeaders.CONTENT_ENCODING)
  String contentEncoding;

  @HeaderParam(HttpHeaders.CONTENT_LENGTH)
  String contentLength;

  @HeaderParam(HttpHeaders.AUTHORIZATION)
  String authorization;

  @HeaderParam(IngestHeaders.HTTP_TENANT)
  String tenantHeader;

  @QueryParam(IngestHeaders.TENANT_PARAMETER)
  String tenant;

  @Context ContainerRequestContext context;

  IngestRequest request(InputStream body) {
    return new IngestRequest(
        contentType,
        contentEncoding,
        length(contentLength),
        authorization,
        tenantHeader,
        tenant,
        body,
        Caller.of(context));
  }

  private static long length(String header) {
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

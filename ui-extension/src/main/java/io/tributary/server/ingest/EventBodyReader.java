package io.tributary.server.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.problem.ApiException;
import io.tributary.server.problem.Problem;
import io.tributary.server.problem.ProblemTypes;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one JSON document from a request body as OpenLineage's HTTP transport sends it: {@code
 * application/json}, optionally gzip-compressed ({@code Content-Encoding: gzip}). The size limit
 * holds while streaming, for the compressed bytes and again for the decompressed ones, so neither a
 * large body nor a gzip bomb is ever held in memory.
 */
public final class EventBodyReader {
  private final ObjectMapper json;
  private final long maxBytes;

  public EventBodyReader(ObjectMapper json, long maxBytes) {
    this.json =
        Objects.requireNonNull(json, "json")
            .copy()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes " + maxBytes + " must be positive");
    }
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * @param contentLength the declared length, or -1
   * @throws ApiException 400, 413 or 415
   */
  public JsonNode read(
      String contentType, String contentEncoding, long contentLength, InputStream body) {
    requireJson(contentType);
    boolean gzip = gzip(contentEncoding);
    if (!gzip && contentLength > maxBytes) {
      throw tooLarge();
    }
    try (InputStream in = decoded(new BoundedInputStream(body, maxBytes), gzip)) {
      JsonNode node = json.readTree(in);
      if (node == null || node.isMissingNode()) {
        throw invalidJson("The request body is empty; send one JSON document");
      }
      return node;
    } catch (BodyTooLargeException e) {
      throw tooLarge();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw invalidJson(
          "The request body is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (ZipException e) {
      throw invalidJson("The request body is not valid gzip: " + e.getMessage());
    } catch (java.io.EOFException e) {
      throw invalidJson("The request body ended early" + (gzip ? " (truncated gzip)" : ""));
    } catch (IOException e) {
      throw invalidJson("The request body could not be read: " + e.getMessage());
    }
  }

  private InputStream decoded(InputStream raw, boolean gzip) throws IOException {
    return gzip ? new BoundedInputStream(new GZIPInputStream(raw, 8192), maxBytes) : raw;
  }

  private static void requireJson(String contentType) {
    MediaType type;
    try {
      type = contentType == null ? null : MediaType.valueOf(contentType);
    } catch (IllegalArgumentException e) {
      type = null;
    }
    boolean json =
        type != null
            && type.getType().equalsIgnoreCase("application")
            && (type.getSubtype().equalsIgnoreCase("json")
                || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    if (!json) {
      throw new ApiException(
          Problem.of(
              415,
              ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
              "Unsupported media type",
              "Content-Type "
                  + (contentType == null ? "is missing" : "'" + contentType + "' is not JSON")
                  + "; send application/json"));
    }
  }

  private static boolean gzip(String contentEncoding) {
    if (contentEncoding == null) {
      return false;
    }
    String coding = contentEncoding.trim().toLowerCase(Locale.ROOT);
    return switch (coding) {
      case "", "identity" -> false;
      case "gzip", "x-gzip" -> true;
      default ->
          throw new ApiException(
              Problem.of(
                  415,
                  ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                  "Unsupported content encoding",
                  "Content-Encoding '" + contentEncoding + "' is not supported; use gzip or none"),
              Map.of("Accept-Encoding", "gzip, identity"));
    };
  }

  private ApiException tooLarge() {
    return new ApiException(
        Problem.of(
            413,
            ProblemTypes.PAYLOAD_TOO_LARGE,
            "Payload too large",
            "The request body is larger than "
                + maxBytes
                + " bytes (after decompression); send smaller batches"),
        // The rest of the body is not read: the connection cannot be reused.
        Map.of("Connection", "close"));
  }

  private static ApiException invalidJson(String detail) {
    return new ApiException(Problem.of(400, ProblemTypes.INVALID_JSON, "Invalid JSON", detail));
  }
}

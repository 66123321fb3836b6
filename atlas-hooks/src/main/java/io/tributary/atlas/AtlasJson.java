package io.tributary.atlas;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and writes Atlas JSON the way Atlas's own {@code AtlasJson} does: unknown properties are
 * ignored (Atlas adds fields between versions) and null properties are left out ({@code NON_NULL}
 * on every Atlas model class) while null values inside attribute maps are kept, as Atlas keeps
 * them.
 */
public final class AtlasJson {
  private final ObjectMapper mapper;

  public AtlasJson() {
    this.mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .build();
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new AtlasApiException(AtlasErrorCode.INTERNAL_ERROR, "cannot write JSON: " + e);
    }
  }

  public byte[] writeBytes(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new AtlasApiException(AtlasErrorCode.INTERNAL_ERROR, "cannot write JSON: " + e);
    }
  }

  /** Parses a request or response body; a malformed body is Atlas's 400 BAD_REQUEST. */
  public <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new AtlasApiException(
          AtlasErrorCode.BAD_REQUEST, "malformed " + type.getSimpleName() + ": " + firstLine(e));
    }
  }

  public <T> T read(InputStream json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new AtlasApiException(
          AtlasErrorCode.BAD_REQUEST, "malformed " + type.getSimpleName() + ": " + firstLine(e));
    }
  }

  private static String firstLine(IOException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

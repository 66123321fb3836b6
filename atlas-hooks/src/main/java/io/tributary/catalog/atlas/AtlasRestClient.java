package io.tributary.catalog.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.atlas.AtlasEntitiesWithExtInfo;
import io.tributary.atlas.AtlasEntity;
import io.tributary.atlas.AtlasEntityWithExtInfo;
import io.tributary.atlas.AtlasJson;
import io.tributary.atlas.AtlasLineageInfo;
import io.tributary.atlas.AtlasNames;
import io.tributary.atlas.AtlasRelationship;
import io.tributary.atlas.AtlasSearchResult;
import io.tributary.atlas.EntityMutationResponse;
import io.tributary.atlas.SearchParameters;
import io.tributary.catalog.CatalogException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls of Atlas's REST API v2 that the remote backend makes, with the paths, bodies and
 * expected statuses of Atlas's own {@code AtlasClientV2}, over {@code java.net.http}.
 *
 * <p>Failures are retried with backoff when they may be transient (no connection, 5xx, 429); a 4xx
 * fails at once, except a 409 on an entity write, retried once because it is what Atlas answers
 * when two writers create the same entity at the same moment (the retry becomes an update).
 */
public final class AtlasRestClient {
  private static final Logger LOG = LoggerFactory.getLogger(AtlasRestClient.class);
  private static final String V2 = "/api/atlas/v2";

  private final AtlasRestConfig config;
  private final AtlasJson json;
  private final HttpClient http;
  private final Pause pause;
  private final String authorization;

  public AtlasRestClient(AtlasRestConfig config, AtlasJson json, HttpClient http, Pause pause) {
    this.config = Objects.requireNonNull(config, "config");
    this.json = Objects.requireNonNull(json, "json");
    this.http = Objects.requireNonNull(http, "http");
    this.pause = Objects.requireNonNull(pause, "pause");
    this.authorization =
        config.username() == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (config.username() + ":" + Objects.toString(config.password(), ""))
                            .getBytes(StandardCharsets.UTF_8));
  }

  public static AtlasRestClient create(AtlasRestConfig config, AtlasJson json) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(config.requestTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    return new AtlasRestClient(config, json, http, Pause.sleeping());
  }

  /** {@code POST /v2/entity/bulk}: create-or-update, as {@code AtlasClientV2.createEntities}. */
  public EntityMutationResponse createOrUpdate(AtlasEntitiesWithExtInfo entities) {
    return call("POST", V2 + "/entity/bulk", entities, EntityMutationResponse.class, 1)
        .orElseThrow();
  }

  /**
   * {@code PUT /v2/entity/uniqueAttribute/type/{type}?attr:qualifiedName=}: partial update, as
   * {@code AtlasClientV2.updateEntityByAttribute}.
   */
  public EntityMutationResponse partialUpdate(AtlasEntity entity) {
    String path =
        V2
            + "/entity/uniqueAttribute/type/"
            + segment(entity.typeName())
            + "?"
            + uniqueQuery(entity.qualifiedName());
    return call("PUT", path, AtlasEntityWithExtInfo.of(entity), EntityMutationResponse.class, 1)
        .orElseThrow();
  }

  /**
   * {@code POST /v2/relationship}. Returns false when Atlas answers 409: the relationship exists.
   */
  public boolean createRelationship(AtlasRelationship relationship) {
    try {
      call("POST", V2 + "/relationship", relationship, JsonNode.class, 0);
      return true;
    } catch (AtlasRemoteException e) {
      if (e.status() == 409) {
        return false;
      }
      throw e;
    }
  }

  public Optional<AtlasEntityWithExtInfo> entity(String guid) {
    return optional(
        () ->
            call(
                "GET",
                V2 + "/entity/guid/" + segment(guid),
                null,
                AtlasEntityWithExtInfo.class,
                0));
  }

  public Optional<AtlasEntityWithExtInfo> entity(String typeName, String qualifiedName) {
    String path =
        V2 + "/entity/uniqueAttribute/type/" + segment(typeName) + "?" + uniqueQuery(qualifiedName);
    return optional(() -> call("GET", path, null, AtlasEntityWithExtInfo.class, 0));
  }

  /** {@code GET /v2/entity/bulk?guid=...}: several entities in one call. */
  public AtlasEntitiesWithExtInfo entities(List<String> guids) {
    if (guids.isEmpty()) {
      return AtlasEntitiesWithExtInfo.of(List.of());
    }
    String query = guids.stream().map(g -> "guid=" + encode(g)).collect(Collectors.joining("&"));
    return call("GET", V2 + "/entity/bulk?" + query, null, AtlasEntitiesWithExtInfo.class, 0)
        .orElseThrow();
  }

  public Optional<AtlasLineageInfo> lineage(String guid, String direction, int depth) {
    String path =
        V2 + "/lineage/" + segment(guid) + "?direction=" + encode(direction) + "&depth=" + depth;
    return optional(() -> call("GET", path, null, AtlasLineageInfo.class, 0));
  }

  public AtlasSearchResult basicSearch(SearchParameters parameters) {
    return call("POST", V2 + "/search/basic", parameters, AtlasSearchResult.class, 0).orElseThrow();
  }

  /** {@code DELETE /v2/entity/guid/{guid}}. Returns false when Atlas does not know the guid. */
  public boolean delete(String guid) {
    return optional(
            () ->
                call(
                    "DELETE",
                    V2 + "/entity/guid/" + segment(guid),
                    null,
                    EntityMutationResponse.class,
                    0))
        .map(r -> !r.headers(AtlasNames.OP_DELETE).isEmpty())
        .orElse(false);
  }

  /**
   * {@code DELETE /v2/entity/guid/{guid}/classification/{name}} (Atlas answers 204). Returns false
   * when the entity does not carry it (Atlas's 400 {@value #NOT_ASSOCIATED}) or is unknown (404).
   */
  public boolean removeClassification(String guid, String classification) {
    try {
      call(
          "DELETE",
          V2 + "/entity/guid/" + segment(guid) + "/classification/" + segment(classification),
          null,
          JsonNode.class,
          0);
      return true;
    } catch (AtlasRemoteException e) {
      if (e.status() == 404 || NOT_ASSOCIATED.equals(e.errorCode())) {
        return false;
      }
      throw e;
    }
  }

  /** Atlas's CLASSIFICATION_NOT_ASSOCIATED_WITH_ENTITY. */
  static final String NOT_ASSOCIATED = "ATLAS-400-00-06D";

  /** {@code GET /admin/metrics}: Atlas's entity counts by type. */
  public JsonNode metrics() {
    return call("GET", "/api/atlas/admin/metrics", null, JsonNode.class, 0).orElseThrow();
  }

  private <T> Optional<T> optional(java.util.function.Supplier<Optional<T>> call) {
    try {
      return call.get();
    } catch (AtlasRemoteException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private <T> Optional<T> call(
      String method, String path, Object body, Class<T> type, int conflictRetries) {
    URI uri = URI.create(config.baseUrl() + path);
    byte[] payload = body == null ? null : json.writeBytes(body);
    int conflictsLeft = conflictRetries;
    RetryPolicy retry = config.retry();
    for (int attempt = 1; ; attempt++) {
      AtlasRemoteException failure;
      try {
        HttpResponse<byte[]> response =
            http.send(request(method, uri, payload), HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          byte[] bytes = response.body();
          if (bytes == null || bytes.length == 0) {
            return Optional.empty();
          }
          return Optional.of(json.mapper().readValue(bytes, type));
        }
        failure = error(method, path, status, response.body());
        boolean conflict = status == 409 && conflictsLeft-- > 0;
        if (!failure.isTransient() && !conflict) {
          throw failure;
        }
      } catch (IOException e) {
        failure = new AtlasRemoteException(method + " " + uri + " failed: " + e, 0, null, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CatalogException("interrupted while calling Atlas: " + method + " " + path, e);
      }
      if (attempt >= retry.maxAttempts()) {
        throw failure;
      }
      LOG.warn(
          "atlas: {} {} attempt {} of {} failed ({}); retrying",
          method,
          path,
          attempt,
          retry.maxAttempts(),
          failure.getMessage());
      try {
        pause.pause(retry.backoffBefore(attempt + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CatalogException("interrupted while retrying Atlas: " + method + " " + path, e);
      }
    }
  }

  private HttpRequest request(String method, URI uri, byte[] payload) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Accept", "application/json")
            .method(
                method,
                payload == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(payload));
    if (payload != null) {
      b.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b.build();
  }

  private AtlasRemoteException error(String method, String path, int status, byte[] body) {
    String code = null;
    String message = null;
    try {
      JsonNode node = json.mapper().readTree(body);
      code = node.path("errorCode").asText(null);
      message = node.path("errorMessage").asText(null);
    } catch (IOException | RuntimeException e) {
      // Not Atlas's JSON error (a proxy's HTML page): the status alone tells what happened.
    }
    return new AtlasRemoteException(
        "Atlas answered "
            + status
            + " to "
            + method
            + " "
            + path
            + (code == null ? "" : ": " + code + " " + message),
        status,
        code,
        null);
  }

  private static String uniqueQuery(String qualifiedName) {
    // ':' is legal in a query; Atlas's own client leaves it as is.
    return AtlasNames.ATTR_PREFIX + AtlasNames.QUALIFIED_NAME + "=" + encode(qualifiedName);
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

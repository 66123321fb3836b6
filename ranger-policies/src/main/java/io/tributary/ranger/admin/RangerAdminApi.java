package io.tributary.ranger.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.model.RangerRole;
import org.apache.ranger.plugin.util.JsonUtilsV2;

/**
 * The part of Ranger Admin's public REST API (v2) that Tributary uses: policies by name, and roles.
 * Ranger's own JSON model classes are (de)serialised with Ranger's own mapper, so bodies have
 * exactly the shape Ranger Admin reads and writes.
 */
public final class RangerAdminApi {
  private static final String API = "/service/public/v2/api";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RangerAdminConfig config;
  private final HttpClient http;
  private final String authorization;

  public RangerAdminApi(RangerAdminConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (config.user() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code GET /service/public/v2/api/service/{service}/policy/{name}}; empty on 404. */
  public Optional<RangerPolicy> getPolicy(String policyName) {
    HttpResponse<String> response =
        send(
            "GET",
            API
                + "/service/"
                + encodePath(config.serviceName())
                + "/policy/"
                + encodePath(policyName),
            null);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    requireSuccess(response, "get policy '" + policyName + "'");
    return Optional.of(read(response.body(), RangerPolicy.class));
  }

  /** {@code POST /service/public/v2/api/policy}. */
  public RangerPolicy createPolicy(RangerPolicy policy) {
    HttpResponse<String> response = send("POST", API + "/policy", write(policy));
    requireSuccess(response, "create policy '" + policy.getName() + "'");
    return read(response.body(), RangerPolicy.class);
  }

  /** {@code PUT /service/public/v2/api/policy/{id}}. */
  public RangerPolicy updatePolicy(long id, RangerPolicy policy) {
    HttpResponse<String> response = send("PUT", API + "/policy/" + id, write(policy));
    requireSuccess(response, "update policy '" + policy.getName() + "' (id " + id + ")");
    return read(response.body(), RangerPolicy.class);
  }

  /**
   * {@code DELETE /service/public/v2/api/policy?servicename=..&policyname=..}; returns false when
   * there was no such policy.
   */
  public boolean deletePolicy(String policyName) {
    HttpResponse<String> response =
        send(
            "DELETE",
            API
                + "/policy?servicename="
                + encodeQuery(config.serviceName())
                + "&policyname="
                + encodeQuery(policyName),
            null);
    if (response.statusCode() == 404) {
      return false;
    }
    requireSuccess(response, "delete policy '" + policyName + "'");
    return true;
  }

  /**
   * {@code POST /service/public/v2/api/roles}; returns false when the role exists already (Ranger
   * answers 400 with "already exists").
   */
  public boolean createRole(RangerRole role) {
    HttpResponse<String> response = send("POST", API + "/roles", write(role));
    if (response.statusCode() == 400 && message(response).contains("already exists")) {
      return false;
    }
    requireSuccess(response, "create role '" + role.getName() + "'");
    return true;
  }

  /**
   * {@code DELETE /service/public/v2/api/roles/name/{name}}; returns false when there was no such
   * role.
   */
  public boolean deleteRole(String roleName) {
    HttpResponse<String> response =
        send("DELETE", API + "/roles/name/" + encodePath(roleName), null);
    if (response.statusCode() == 404
        || (response.statusCode() == 400
            && message(response)
                .toLowerCase(java.util.Locale.ROOT)
                .matches(".*(no rangerrole found|not found|does not exist).*"))) {
      return false;
    }
    requireSuccess(response, "delete role '" + roleName + "'");
    return true;
  }

  private HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stripSlash(config.url().toString()) + path))
            .timeout(config.timeout())
            .header("Authorization", authorization)
            .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RangerAdminException(
          "Ranger Admin at " + config.url() + " cannot be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RangerAdminException("Interrupted while calling Ranger Admin", e);
    }
  }

  private void requireSuccess(HttpResponse<String> response, String what) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String reason =
        switch (status) {
          case 401 -> "user '" + config.user() + "' was not authenticated";
          case 403 -> "user '" + config.user() + "' is not allowed to";
          default -> "HTTP " + status;
        };
    String message = message(response);
    throw new RangerAdminException(
        "Ranger Admin refused to "
            + what
            + " ("
            + reason
            + ")"
            + (message.isEmpty() ? "" : ": " + message),
        status);
  }

  /** Ranger's error body is a VXResponse: {@code {"statusCode":1,"msgDesc":"..."}}. */
  private static String message(HttpResponse<String> response) {
    String body = response.body();
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode node = JSON.readTree(body);
      return node.path("msgDesc").asText("");
    } catch (IOException e) {
      return "";
    }
  }

  private static String write(Object value) {
    try {
      return JsonUtilsV2.nonSerializableObjToJson(value);
    } catch (IOException e) {
      throw new IllegalStateException("Ranger's model serialises with Ranger's own mapper", e);
    }
  }

  private static <T> T read(String body, Class<T> type) {
    try {
      return JsonUtilsV2.jsonToObj(body, type);
    } catch (IOException e) {
      throw new RangerAdminException(
          "Ranger Admin answered with an unreadable "
              + type.getSimpleName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String encodePath(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encodeQuery(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

package io.tributary.server.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.TenantId;
import io.tributary.ranger.auth.ApiKeyEntry;
import io.tributary.ranger.auth.ApiKeyNotFoundException;
import io.tributary.ranger.auth.UserEntry;
import io.tributary.ranger.auth.UserExistsException;
import io.tributary.ranger.auth.UserNotFoundException;
import io.tributary.ranger.auth.UsersFileException;
import io.tributary.server.problem.ApiException;
import io.tributary.server.problem.Problem;
import io.tributary.server.problem.ProblemTypes;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The JSON of users and API keys, written and read explicitly: no hash ever goes out, and a request
 * with an unknown member is refused rather than half applied.
 */
final class UserAdminJson {
  private final ObjectMapper json;

  UserAdminJson(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  ObjectNode object() {
    return json.createObjectNode();
  }

  ObjectNode user(UserEntry user) {
    ObjectNode out = json.createObjectNode();
    out.put("name", user.name());
    common(out, user.groups(), user.roles(), user.tenant());
    return out;
  }

  ObjectNode apiKey(ApiKeyEntry key) {
    ObjectNode out = json.createObjectNode();
    out.put("id", key.id());
    out.put("user", key.user());
    common(out, key.groups(), key.roles(), key.tenant());
    return out;
  }

  private static void common(ObjectNode out, Set<String> groups, Set<String> roles, TenantId t) {
    new TreeSet<>(groups).forEach(out.putArray("groups")::add);
    new TreeSet<>(roles).forEach(out.putArray("roles")::add);
    out.put("tenant", (t == null ? TenantId.DEFAULT : t).value());
  }

  /** The request body: a JSON object with only the {@code allowed} members. */
  JsonNode parse(String body, Set<String> allowed) {
    JsonNode node;
    try {
      node = body == null || body.isBlank() ? null : json.readTree(body);
    } catch (JsonProcessingException e) {
      throw badBody("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw badBody("a JSON object is required");
    }
    for (var it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        throw badBody("unknown member '" + field + "'; known: " + new TreeSet<>(allowed));
      }
    }
    return node;
  }

  static String required(JsonNode node, String name) {
    String value = text(node, name);
    if (value == null) {
      throw badBody("'" + name + "' is required");
    }
    return value;
  }

  /** A string member taken exactly as sent (never trimmed); null when absent. */
  static String text(JsonNode node, String name) {
    JsonNode value = node.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw badBody("'" + name + "' must be a string");
    }
    return value.asText();
  }

  /** An array of strings; null when absent, so that the caller can tell it from {@code []}. */
  static Set<String> strings(JsonNode node, String name) {
    JsonNode value = node.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw badBody("'" + name + "' must be an array of strings");
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw badBody("'" + name + "' must hold strings only");
      }
      out.add(element.asText());
    }
    return out;
  }

  static TenantId tenant(JsonNode node) {
    String text = text(node, "tenant");
    if (text == null) {
      return null;
    }
    try {
      return new TenantId(text);
    } catch (IllegalArgumentException e) {
      throw badBody(e.getMessage());
    }
  }

  static ApiException badBody(String detail) {
    return ApiException.badParameter("body", detail);
  }

  /**
   * Runs a change of the users file, turning its refusals into problems: a bad name or password 400
   * (naming {@code parameter}), an unknown user or key 404, a taken name or an unusable users file
   * 409.
   */
  static <T> T refusing(String parameter, Supplier<T> change) {
    try {
      return change.get();
    } catch (UserNotFoundException | ApiKeyNotFoundException e) {
      throw ApiException.notFound(e.getMessage());
    } catch (UserExistsException | UsersFileException e) {
      throw new ApiException(Problem.of(409, ProblemTypes.CONFLICT, "Conflict", e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(parameter, e.getMessage());
    }
  }
}

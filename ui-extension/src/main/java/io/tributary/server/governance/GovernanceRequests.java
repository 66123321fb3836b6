package io.tributary.server.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.Guid;
import io.tributary.contract.TenantId;
import io.tributary.ranger.tenancy.Tenant;
import io.tributary.ranger.tenancy.TenantNotFoundException;
import io.tributary.ranger.tenancy.TenantRegistry;
import io.tributary.server.api.Params;
import io.tributary.server.problem.ApiException;
import io.tributary.server.problem.Problem;
import io.tributary.server.problem.ProblemTypes;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What every governance resource does with a request before its own work: resolve the tenant the
 * caller may read (another tenant is 404, as if it did not exist), find an entity the caller may
 * see, and read a JSON body whose mistakes are 400 problems naming the field.
 */
public final class GovernanceRequests {
  private final TenantRegistry tenants;
  private final Catalog catalog;
  private final ObjectMapper json;

  public GovernanceRequests(TenantRegistry tenants, Catalog catalog, ObjectMapper json) {
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.json = Objects.requireNonNull(json, "json");
  }

  public ObjectMapper json() {
    return json;
  }

  public Catalog catalog() {
    return catalog;
  }

  public TenantRegistry tenants() {
    return tenants;
  }

  /** {@code {"<field>": [...]}}: what {@code items} lists of the tenant the caller may read. */
  public String listed(
      String tenantText,
      Caller caller,
      String field,
      Function<TenantId, ? extends Collection<? extends JsonNode>> items) {
    Tenant tenant = readable(tenantText, caller);
    ObjectNode out = json.createObjectNode();
    out.putArray(field).addAll(items.apply(tenant.id()));
    return out.toString();
  }

  /**
   * Removes what {@code remove} names from the tenant the caller administers: 204, or 404 with
   * {@code missing} when there was nothing to remove.
   */
  public Response removed(
      String tenantText, Caller caller, Predicate<TenantId> remove, String missing) {
    Tenant tenant = administered(tenantText, caller);
    if (!remove.test(tenant.id())) {
      throw ApiException.notFound(missing);
    }
    return Response.noContent().build();
  }

  /** The tenant named by the path, when the caller may read it; else 404. */
  public Tenant readable(String tenantText, Caller caller) {
    TenantId id = Params.tenant("tenant", tenantText);
    if (!caller.mayRead(id)) {
      throw new TenantNotFoundException(id);
    }
    return tenants.get(id).orElseThrow(() -> new TenantNotFoundException(id));
  }

  /** The tenant named by the path, when the caller administers it: 404 for others, 403 members. */
  public Tenant administered(String tenantText, Caller caller) {
    Tenant tenant = readable(tenantText, caller);
    caller.checkAdmin(tenant.id());
    return tenant;
  }

  /** The entity the caller may read; 404 for one it cannot see, whichever tenant holds it. */
  public Entity visible(String guidText, Caller caller) {
    Guid guid = Params.guid("guid", guidText);
    return catalog
        .get(guid, caller.read())
        .orElseThrow(() -> new EntityNotFoundException(guid.value()));
  }

  /** A body that must be a JSON object. */
  public JsonNode object(String body) {
    if (body == null || body.isBlank()) {
      throw ApiException.badParameter("body", "a JSON object is required");
    }
    return parse(body);
  }

  /** A body that may be empty (an empty object) or a JSON object. */
  public JsonNode objectOrEmpty(String body) {
    if (body == null || body.isBlank()) {
      return json.createObjectNode();
    }
    return parse(body);
  }

  private JsonNode parse(String body) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiException.badParameter("body", "a JSON object is required");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.badParameter("body", "not JSON: " + e.getOriginalMessage());
    }
  }

  /** 422: the request is well-formed but names something that cannot be done. */
  public static ApiException unprocessable(String detail) {
    return new ApiException(
        Problem.of(422, ProblemTypes.BAD_REQUEST, "Unprocessable request", detail));
  }

  /** 409: the request conflicts with the state of what it names. */
  public static ApiException conflict(String detail) {
    return new ApiException(Problem.of(409, ProblemTypes.CONFLICT, "Conflict", detail));
  }

  /** 201 with the new resource's location and its JSON. */
  public static Response created(String location, JsonNode body) {
    return Response.created(URI.create(location))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body.toString())
        .build();
  }

  /** A string field, null when absent; 400 when it is there and not a string. */
  public static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.badParameter("body", "'" + name + "' must be a string");
    }
    return value.textValue();
  }

  /** A string field that must be there and not blank. */
  public static String required(JsonNode node, String name) {
    String value = text(node, name);
    if (value == null || value.isBlank()) {
      throw ApiException.badParameter("body", "'" + name + "' is required");
    }
    return value;
  }

  /** A number field, null when absent; 400 when it is there and not a number. */
  public static Double number(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw ApiException.badParameter("body", "'" + name + "' must be a number");
    }
    return value.doubleValue();
  }

  /** A list of non-blank strings, empty when absent. */
  public static List<String> texts(JsonNode node, String name) {
    JsonNode value = node.get(name);
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (!value.isArray()) {
      throw ApiException.badParameter("body", "'" + name + "' must be an array of strings");
    }
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw ApiException.badParameter("body", "'" + name + "' must hold non-blank strings");
      }
      out.add(item.asText());
    }
    return out;
  }
}

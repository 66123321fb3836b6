package io.tributary.server.tenants;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Names;
import io.tributary.ranger.tenancy.ClassificationRule;
import io.tributary.ranger.tenancy.NamespaceRule;
import io.tributary.ranger.tenancy.Quotas;
import io.tributary.ranger.tenancy.Share;
import io.tributary.ranger.tenancy.Tenant;
import io.tributary.ranger.tenancy.TenantConfig;
import io.tributary.server.governance.RuleJson;
import io.tributary.server.problem.ApiException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The JSON of tenants and shares, written and read explicitly. */
final class TenantJson {
  private final ObjectMapper json;

  TenantJson(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  ObjectNode object() {
    return json.createObjectNode();
  }

  ObjectNode tenant(Tenant tenant) {
    TenantConfig config = tenant.config();
    ObjectNode out = json.createObjectNode();
    out.put("id", tenant.id().value());
    out.put("displayName", config.displayName());
    out.put("retention", config.retention() == null ? null : config.retention().toString());
    out.set("quotas", quotas(config.quotas()));
    ArrayNode namespaces = out.putArray("namespaceRules");
    config
        .namespaceRules()
        .forEach(
            r ->
                namespaces.addObject().put("pattern", r.pattern()).put("namespace", r.namespace()));
    ArrayNode classifications = out.putArray("classificationRules");
    config.classificationRules().forEach(r -> RuleJson.write(classifications.addObject(), r));
    out.put("created", tenant.created().toString());
    out.put("updated", tenant.updated().toString());
    return out;
  }

  ObjectNode quotas(Quotas quotas) {
    return json.createObjectNode()
        .put("eventsPerSecond", quotas.eventsPerSecond())
        .put("burst", quotas.burst())
        .put("maxEntities", quotas.maxEntities());
  }

  ObjectNode share(Share share) {
    ObjectNode out = json.createObjectNode();
    out.put("id", share.id());
    out.put("owner", share.owner().value());
    out.put("grantee", share.grantee().value());
    out.put("namespace", share.namespace());
    ArrayNode datasets = out.putArray("datasets");
    share.datasets().forEach(datasets::add);
    out.put("policy", share.policyName());
    out.put("created", share.created().toString());
    return out;
  }

  JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw badBody("a JSON object is required");
    }
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw badBody("a JSON object is required");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw badBody("not JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * A tenant configuration from a request body; {@code defaultQuotas} when it names none.
   *
   * @throws ApiException 400 naming the offending member
   */
  TenantConfig config(JsonNode body, Quotas defaultQuotas) {
    for (var it = body.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!List.of(
              "id",
              "displayName",
              "retention",
              "quotas",
              "namespaceRules",
              "classificationRules",
              "created",
              "updated")
          .contains(field)) {
        throw badBody("unknown member '" + field + "'");
      }
    }
    try {
      return new TenantConfig(
          text(body, "displayName"),
          retention(body.path("retention")),
          body.hasNonNull("quotas") ? quotas(body.path("quotas")) : defaultQuotas,
          namespaceRules(body.path("namespaceRules")),
          classificationRules(body.path("classificationRules")));
    } catch (IllegalArgumentException e) {
      throw badBody(e.getMessage());
    }
  }

  private static Duration retention(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    try {
      return Duration.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw badBody("retention '" + node.asText() + "' is not an ISO-8601 duration (PT720H)");
    }
  }

  private static Quotas quotas(JsonNode node) {
    if (!node.isObject()) {
      throw badBody("quotas must be an object");
    }
    return new Quotas(
        number(node, "eventsPerSecond").doubleValue(),
        number(node, "burst").longValue(),
        number(node, "maxEntities").longValue());
  }

  private static Number number(JsonNode node, String name) {
    JsonNode value = node.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return 0;
    }
    if (!value.isNumber()) {
      throw badBody("quotas." + name + " must be a number");
    }
    return value.numberValue();
  }

  private static List<NamespaceRule> namespaceRules(JsonNode node) {
    List<NamespaceRule> rules = new ArrayList<>();
    for (JsonNode rule : array(node, "namespaceRules")) {
      rules.add(
          new NamespaceRule(
              required(rule, "pattern"),
              Names.requireCanonical("namespace", required(rule, "namespace"))));
    }
    return rules;
  }

  private static List<ClassificationRule> classificationRules(JsonNode node) {
    List<ClassificationRule> rules = new ArrayList<>();
    for (JsonNode rule : array(node, "classificationRules")) {
      rules.add(RuleJson.read(rule));
    }
    return rules;
  }

  static List<JsonNode> array(JsonNode node, String name) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw badBody(name + " must be an array");
    }
    List<JsonNode> out = new ArrayList<>();
    node.forEach(out::add);
    return out;
  }

  static String required(JsonNode node, String name) {
    String value = text(node, name);
    if (value == null || value.isBlank()) {
      throw badBody("'" + name + "' is required");
    }
    return value;
  }

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

  static ApiException badBody(String detail) {
    return ApiException.badParameter("body", detail);
  }
}

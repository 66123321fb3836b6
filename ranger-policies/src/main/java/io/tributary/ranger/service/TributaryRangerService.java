package io.tributary.ranger.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.ranger.ResourceNaming;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.ranger.plugin.service.RangerBaseService;
import org.apache.ranger.plugin.service.ResourceLookupContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranger Admin's side of the {@code tributary} service: the "Test Connection" button and the
 * completion of tenant, namespace, dataset and job names while a policy is edited, both read from a
 * Tributary server's REST API. Deployed into Ranger Admin with this module's jar.
 */
public class TributaryRangerService extends RangerBaseService {
  static final String CONFIG_URL = "tributary.url";
  static final String CONFIG_USERNAME = "username";
  static final String CONFIG_PASSWORD = "password";
  static final String CONFIG_TIMEOUT = "lookup.timeout.ms";
  static final int MAX_RESULTS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(TributaryRangerService.class);

  /** Ranger Admin instantiates services reflectively. */
  public TributaryRangerService() {}

  @Override
  public Map<String, Object> validateConfig() {
    Map<String, Object> response = new HashMap<>();
    try {
      int tenants = client().tenants().size();
      response.put("connectivityStatus", true);
      response.put("message", "Connection test successful");
      response.put(
          "description",
          "Tributary at " + configs.get(CONFIG_URL) + " answered; it has " + tenants + " tenants");
    } catch (IOException | RuntimeException e) {
      LOG.warn("Connection test of service '{}' failed: {}", serviceName, e.getMessage());
      response.put("connectivityStatus", false);
      response.put("message", "Unable to connect to Tributary: " + e.getMessage());
      response.put("description", "Check the URL and the look-up credentials of the service");
    }
    response.put("objectId", null);
    response.put("fieldName", null);
    return response;
  }

  @Override
  public List<String> lookupResource(ResourceLookupContext context) throws Exception {
    String input = context.getUserInput() == null ? "" : context.getUserInput().replace("*", "");
    Map<String, List<String>> selected =
        context.getResources() == null ? Map.of() : context.getResources();
    TributaryLookupClient client = client();
    Set<String> found = new TreeSet<>();
    switch (context.getResourceName()) {
      case "tenant" -> found.addAll(client.tenants());
      case "namespace" -> {
        for (String tenant : tenants(client, selected)) {
          for (JsonNode entity : client.search(tenant, null, null, 1000)) {
            found.add(namespaceOf(entity));
          }
        }
      }
      case "dataset", "job" -> {
        String type = context.getResourceName().equals("dataset") ? "DataSet" : "Process";
        Set<String> namespaces = new LinkedHashSet<>(values(selected, "namespace"));
        for (String tenant : tenants(client, selected)) {
          for (JsonNode entity : client.search(tenant, type, input, MAX_RESULTS)) {
            // Column lineage entries are Processes, but their resource is their dataset's.
            boolean dependent = ResourceNaming.isDependent(entity.path("typeName").asText(""));
            if (dependent && type.equals("Process")) {
              continue;
            }
            if (namespaces.isEmpty()
                || namespaces.contains("*")
                || namespaces.contains(namespaceOf(entity))) {
              found.add(nameOf(entity));
            }
          }
        }
      }
      default ->
          throw new IllegalArgumentException(
              "Resource '"
                  + context.getResourceName()
                  + "' is not in the tributary service definition");
    }
    return found.stream().filter(name -> name.startsWith(input)).limit(MAX_RESULTS).toList();
  }

  private TributaryLookupClient client() {
    String url = configs == null ? null : configs.get(CONFIG_URL);
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("'" + CONFIG_URL + "' is not configured");
    }
    long timeout = Long.parseLong(configs.getOrDefault(CONFIG_TIMEOUT, "5000"));
    return new TributaryLookupClient(
        URI.create(url),
        configs.get(CONFIG_USERNAME),
        configs.get(CONFIG_PASSWORD),
        Duration.ofMillis(timeout));
  }

  private static Collection<String> tenants(
      TributaryLookupClient client, Map<String, List<String>> selected) throws IOException {
    List<String> tenants = values(selected, "tenant");
    if (tenants.isEmpty() || tenants.contains("*")) {
      return client.tenants();
    }
    return tenants;
  }

  private static List<String> values(Map<String, List<String>> selected, String resource) {
    List<String> values = selected.get(resource);
    return values == null ? List.of() : values;
  }

  /** Same rules as the authorizer's ({@link ResourceNaming}). */
  static String namespaceOf(JsonNode entity) {
    return ResourceNaming.namespace(
        entity.path("typeName").asText(""),
        entity.path("qualifiedName").asText(""),
        attributes(entity),
        "default");
  }

  static String nameOf(JsonNode entity) {
    return ResourceNaming.name(
        entity.path("typeName").asText(""),
        entity.path("qualifiedName").asText(""),
        attributes(entity));
  }

  private static Map<String, Object> attributes(JsonNode entity) {
    Map<String, Object> attributes = new HashMap<>();
    JsonNode node = entity.path("attributes");
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getValue().isTextual()) {
        attributes.put(field.getKey(), field.getValue().asText());
      }
    }
    return attributes;
  }
}

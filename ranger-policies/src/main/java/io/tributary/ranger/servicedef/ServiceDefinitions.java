package io.tributary.ranger.servicedef;

import io.tributary.ranger.PolicyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ranger.plugin.model.RangerServiceDef;
import org.apache.ranger.plugin.model.RangerServiceDef.RangerAccessTypeDef;
import org.apache.ranger.plugin.model.RangerServiceDef.RangerContextEnricherDef;
import org.apache.ranger.plugin.util.JsonUtilsV2;

/**
 * The {@code tributary} service definition, as Ranger Admin loads it, and the tag service
 * definition a Tributary plugin evaluates tag policies with.
 */
public final class ServiceDefinitions {
  public static final String SERVICE_TYPE = "tributary";
  public static final String TAG_SERVICE_TYPE = "tag";
  public static final String RESOURCE_TAG = "tag";

  /** The JSON document to register in Ranger Admin ({@code POST /service/plugins/definitions}). */
  public static final String SERVICE_DEF_RESOURCE = "/ranger/tributary-servicedef.json";

  public static final String TAG_SERVICE_DEF_RESOURCE = "/ranger/tributary-tag-servicedef.json";

  private ServiceDefinitions() {}

  /** The service definition JSON text. */
  public static String serviceDefJson() {
    return readResource(SERVICE_DEF_RESOURCE);
  }

  /** A fresh copy of the {@code tributary} service definition. */
  public static RangerServiceDef tributary() {
    return parse(serviceDefJson(), SERVICE_DEF_RESOURCE);
  }

  /**
   * The tag service definition with the access types of {@code tributary} added as {@code
   * tributary:<access>}, as Ranger Admin serves it to a plugin, and the tag enricher polling at
   * {@code tagPollInterval}.
   */
  public static RangerServiceDef tagFor(RangerServiceDef component, Duration tagPollInterval) {
    RangerServiceDef tag = parse(readResource(TAG_SERVICE_DEF_RESOURCE), TAG_SERVICE_DEF_RESOURCE);
    List<RangerAccessTypeDef> accessTypes = new ArrayList<>();
    long itemId = 1;
    String prefix = component.getName() + ":";
    for (RangerAccessTypeDef def : component.getAccessTypes()) {
      List<String> implied = new ArrayList<>();
      if (def.getImpliedGrants() != null) {
        def.getImpliedGrants().forEach(grant -> implied.add(prefix + grant));
      }
      accessTypes.add(
          new RangerAccessTypeDef(
              itemId++, prefix + def.getName(), prefix + def.getName(), null, implied));
    }
    tag.setAccessTypes(accessTypes);
    List<RangerContextEnricherDef> enrichers = new ArrayList<>();
    for (RangerContextEnricherDef enricher : tag.getContextEnrichers()) {
      Map<String, String> options = new HashMap<>(enricher.getEnricherOptions());
      options.put("tagRefresherPollingInterval", Long.toString(tagPollInterval.toMillis()));
      enrichers.add(
          new RangerContextEnricherDef(
              enricher.getItemId(), enricher.getName(), enricher.getEnricher(), options));
    }
    tag.setContextEnrichers(enrichers);
    return tag;
  }

  private static RangerServiceDef parse(String json, String source) {
    try {
      return JsonUtilsV2.jsonToObj(json, RangerServiceDef.class);
    } catch (IOException e) {
      throw new PolicyException("Service definition " + source + " is not valid JSON", e);
    }
  }

  private static String readResource(String resource) {
    try (InputStream in = ServiceDefinitions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new PolicyException("Service definition resource " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PolicyException("Cannot read service definition " + resource, e);
    }
  }
}

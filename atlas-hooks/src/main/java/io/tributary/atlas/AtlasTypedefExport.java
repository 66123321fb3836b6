package io.tributary.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Types;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Tributary's streaming typedefs in the form a real Atlas takes with {@code POST
 * /api/atlas/v2/types/typedefs}: the types Atlas already ships ({@code kafka_topic} in its Kafka
 * model, {@code flink_application} and {@code flink_process} in its Flink model) are left out,
 * because Atlas rejects a POST that names an existing type (409, ATLAS-409-00-001) and Tributary
 * reuses Atlas's definitions of them.
 */
public final class AtlasTypedefExport {
  /** The streaming typedefs resource. */
  public static final String RESOURCE = "/typedefs/tributary-streaming.json";

  /** Types Atlas 2.4 defines itself, which Tributary reuses rather than defines. */
  public static final Set<String> ATLAS_SHIPPED =
      Set.of(Types.KAFKA_TOPIC, Types.FLINK_APPLICATION, Types.FLINK_PROCESS);

  private final AtlasJson json;

  public AtlasTypedefExport(AtlasJson json) {
    this.json = json;
  }

  /** The streaming typedefs as shipped, unchanged. */
  public JsonNode shipped() {
    try (InputStream in = AtlasTypedefExport.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("typedef resource " + RESOURCE + " is missing");
      }
      return json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The typedefs to register in Atlas. */
  public ObjectNode forAtlas() {
    ObjectNode out = shipped().deepCopy();
    JsonNode entityDefs = out.path("entityDefs");
    ArrayNode kept = out.arrayNode();
    for (JsonNode def : entityDefs) {
      if (!ATLAS_SHIPPED.contains(def.path("name").asText())) {
        kept.add(def);
      }
    }
    out.set("entityDefs", kept);
    return out;
  }

  /** {@link #forAtlas()} as indented JSON. */
  public String forAtlasJson() {
    try {
      return json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(forAtlas());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write typedefs", e);
    }
  }
}

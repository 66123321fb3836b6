package io.tributary.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The {@link EventLimit}s in force. {@link #check} counts on the parsed JSON before anything else
 * looks at the event, in one pass that stops at the first limit passed, so an event far over a
 * limit costs no more to refuse than one just over it.
 */
public record EventLimits(
    int maxDatasets, int maxSchemaFields, int maxColumnLineageEdges, long maxFacetBytes) {
  /** The declared defaults of the {@code ingest.max-*} keys ({@link IngestSettings}). */
  public static final EventLimits DEFAULTS =
      new EventLimits(
          IngestSettings.MAX_DATASETS.defaultValue(),
          IngestSettings.MAX_SCHEMA_FIELDS.defaultValue(),
          IngestSettings.MAX_COLUMN_LINEAGE_EDGES.defaultValue(),
          IngestSettings.MAX_FACET_BYTES.defaultValue());

  public EventLimits {
    positive(EventLimit.DATASETS, maxDatasets);
    positive(EventLimit.SCHEMA_FIELDS, maxSchemaFields);
    positive(EventLimit.COLUMN_LINEAGE_EDGES, maxColumnLineageEdges);
    positive(EventLimit.FACET_BYTES, maxFacetBytes);
  }

  private static void positive(EventLimit limit, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(limit.key() + " " + value + " must be positive");
    }
  }

  /** The value of one limit. */
  public long max(EventLimit limit) {
    return switch (limit) {
      case DATASETS -> maxDatasets;
      case SCHEMA_FIELDS -> maxSchemaFields;
      case COLUMN_LINEAGE_EDGES -> maxColumnLineageEdges;
      case FACET_BYTES -> maxFacetBytes;
    };
  }

  /**
   * Checks an event as parsed, whatever its shape: parts that are not where the schema puts them
   * are left to validation.
   *
   * @throws EventLimitException naming the first limit the event passes
   */
  public void check(JsonNode event) {
    if (event == null || !event.isObject()) {
      return;
    }
    JsonNode inputs = event.path("inputs");
    JsonNode outputs = event.path("outputs");
    long datasets =
        arraySize(inputs) + arraySize(outputs) + (event.path("dataset").isObject() ? 1 : 0);
    if (datasets > maxDatasets) {
      throw new EventLimitException(EventLimit.DATASETS, maxDatasets, datasets, "");
    }
    long[] edges = {0};
    facets(event.path("run").path("facets"), "/run/facets", edges);
    facets(event.path("job").path("facets"), "/job/facets", edges);
    facets(event.path("dataset").path("facets"), "/dataset/facets", edges);
    datasets(inputs, "/inputs", "inputFacets", edges);
    datasets(outputs, "/outputs", "outputFacets", edges);
  }

  private void datasets(JsonNode datasets, String pointer, String ioFacets, long[] edges) {
    if (!datasets.isArray()) {
      return;
    }
    for (int i = 0; i < datasets.size(); i++) {
      JsonNode dataset = datasets.get(i);
      facets(dataset.path("facets"), pointer + "/" + i + "/facets", edges);
      facets(dataset.path(ioFacets), pointer + "/" + i + "/" + ioFacets, edges);
    }
  }

  private void facets(JsonNode facets, String pointer, long[] edges) {
    if (!facets.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : facets.properties()) {
      String at = pointer + "/" + escape(entry.getKey());
      JsonNode facet = entry.getValue();
      if (JsonSize.compactBytes(facet, maxFacetBytes) > maxFacetBytes) {
        throw new EventLimitException(EventLimit.FACET_BYTES, maxFacetBytes, -1, at);
      }
      switch (entry.getKey()) {
        case "schema" -> schemaFields(facet, at);
        case "columnLineage" -> columnLineageEdges(facet, at, edges);
        default -> {
          // other facets have no structural limit of their own
        }
      }
    }
  }

  private void schemaFields(JsonNode schema, String at) {
    long fields = countFields(schema.path("fields"), 0);
    if (fields > maxSchemaFields) {
      throw new EventLimitException(EventLimit.SCHEMA_FIELDS, maxSchemaFields, -1, at);
    }
  }

  /** Fields and their nested fields; stops counting once over the limit. */
  private long countFields(JsonNode fields, long counted) {
    if (!fields.isArray()) {
      return counted;
    }
    long n = counted;
    for (JsonNode field : fields) {
      n++;
      if (n > maxSchemaFields) {
        return n;
      }
      n = countFields(field.path("fields"), n);
      if (n > maxSchemaFields) {
        return n;
      }
    }
    return n;
  }

  private void columnLineageEdges(JsonNode facet, String at, long[] edges) {
    JsonNode fields = facet.path("fields");
    if (fields.isObject()) {
      for (JsonNode field : fields) {
        edges[0] += arraySize(field.path("inputFields"));
      }
    }
    // Dataset-level dependencies (facet 1-2-0) are edges too.
    edges[0] += arraySize(facet.path("dataset"));
    if (edges[0] > maxColumnLineageEdges) {
      throw new EventLimitException(
          EventLimit.COLUMN_LINEAGE_EDGES, maxColumnLineageEdges, edges[0], at);
    }
  }

  private static int arraySize(JsonNode node) {
    return node.isArray() ? node.size() : 0;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}

package io.tributary.openlineage.internal.mapping;

import static io.tributary.openlineage.internal.mapping.Facets.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Types;
import io.tributary.contract.TributaryFacets;
import java.util.Locale;

/**
 * Jobs as Atlas processes: {@code jobType.integration} FLINK → {@code flink_application},
 * KAFKA_STREAMS → {@code kafka_streams_application}, EDGE_DEVICE → {@code edge_device}, EDGE_NODE →
 * {@code edge_node}, anything else → {@code openlineage_job}; named {@code <namespace>/<name>}.
 */
final class JobMapper {
  private static final String[] JOB_TYPE = {
    Attributes.PROCESSING_TYPE, Attributes.INTEGRATION, Attributes.JOB_TYPE
  };
  private static final String[] SOURCE_CODE = {
    Attributes.SOURCE_CODE_LANGUAGE, Attributes.SOURCE_CODE
  };
  private static final String[] SOURCE_CODE_LOCATION = {Attributes.SOURCE_CODE_URL};
  private static final String[] SQL = {Attributes.SQL, Attributes.SQL_DIALECT};
  private static final String[] EDGE_DEVICE = {
    "deviceId", "model", "firmware", "location", "online", "lastSeen"
  };
  private static final String[] EDGE_NODE = {
    "node", "backlog", "oldestUnsyncedSeconds", "lastSync", "mqttConnected", "dropped"
  };

  private final CommonFacets common;

  JobMapper(CommonFacets common) {
    this.common = common;
  }

  static String qualifiedName(String namespace, String name) {
    return namespace + "/" + name;
  }

  /**
   * The process type for a job. Without a {@code jobType} facet the job is an {@code
   * openlineage_job}; integrations then keep sending the facet, so the type is stable per job.
   */
  static String processType(JsonNode jobFacets) {
    JsonNode jobType = Facets.find("jobType", jobFacets);
    String integration = jobType == null ? null : Facets.text(jobType, "integration");
    if (integration == null) {
      return Types.GENERIC_PROCESS;
    }
    return switch (integration.toUpperCase(Locale.ROOT).replace('-', '_')) {
      case "FLINK" -> Types.FLINK_APPLICATION;
      case "KAFKA_STREAMS" -> Types.KAFKA_STREAMS_APPLICATION;
      case "EDGE_DEVICE" -> Types.EDGE_DEVICE;
      case "EDGE_NODE" -> Types.EDGE_NODE;
      default -> Types.GENERIC_PROCESS;
    };
  }

  EntityKey job(MutationDraft draft, String namespace, String name, JsonNode facets) {
    EntityKey key = draft.key(processType(facets), qualifiedName(namespace, name));
    MutationDraft.EntityDraft entity = draft.entity(key).name(name);
    entity.put(Attributes.NAMESPACE, namespace);
    common.documentation(entity, facets);
    common.ownership(entity, facets);
    common.tags(entity, facets);
    apply(
        entity,
        "jobType",
        facet -> {
          Facets.putText(entity, Attributes.PROCESSING_TYPE, facet, "processingType");
          Facets.putText(entity, Attributes.INTEGRATION, facet, "integration");
          Facets.putText(entity, Attributes.JOB_TYPE, facet, "jobType");
        },
        JOB_TYPE,
        facets);
    apply(
        entity,
        "sourceCode",
        facet -> {
          Facets.putText(entity, Attributes.SOURCE_CODE_LANGUAGE, facet, "language");
          Facets.putText(entity, Attributes.SOURCE_CODE, facet, "sourceCode");
        },
        SOURCE_CODE,
        facets);
    apply(
        entity,
        "sourceCodeLocation",
        facet -> Facets.putText(entity, Attributes.SOURCE_CODE_URL, facet, "url"),
        SOURCE_CODE_LOCATION,
        facets);
    apply(
        entity,
        "sql",
        facet -> {
          Facets.putText(entity, Attributes.SQL, facet, "query");
          Facets.putText(entity, Attributes.SQL_DIALECT, facet, "dialect");
        },
        SQL,
        facets);
    edge(entity, facets);
    return key;
  }

  /** The edge facets, written only on the types that declare their attributes. */
  private static void edge(MutationDraft.EntityDraft entity, JsonNode facets) {
    if (entity.key().typeName().equals(Types.EDGE_DEVICE)) {
      apply(
          entity,
          TributaryFacets.EDGE_DEVICE,
          facet -> {
            for (String field : new String[] {"deviceId", "model", "firmware", "location"}) {
              Facets.putText(entity, field, facet, field);
            }
            putBoolean(entity, "online", facet);
            Facets.putTime(entity, "lastSeen", facet, "lastSeen");
          },
          EDGE_DEVICE,
          facets);
    } else if (entity.key().typeName().equals(Types.EDGE_NODE)) {
      apply(
          entity,
          TributaryFacets.EDGE_NODE,
          facet -> {
            Facets.putText(entity, "node", facet, "node");
            Facets.putNumber(entity, "backlog", facet, "backlog");
            Facets.putNumber(entity, "dropped", facet, "dropped");
            Facets.putNumber(entity, "oldestUnsyncedSeconds", facet, "oldestUnsyncedSeconds");
            putBoolean(entity, "mqttConnected", facet);
            Facets.putTime(entity, "lastSync", facet, "lastSync");
          },
          EDGE_NODE,
          facets);
    }
  }

  private static void putBoolean(MutationDraft.EntityDraft entity, String field, JsonNode facet) {
    JsonNode value = facet.get(field);
    if (value != null && value.isBoolean()) {
      entity.put(field, value.booleanValue());
    }
  }
}

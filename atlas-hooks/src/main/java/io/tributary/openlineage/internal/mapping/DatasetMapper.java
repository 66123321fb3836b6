package io.tributary.openlineage.internal.mapping;

import static io.tributary.openlineage.internal.mapping.Facets.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Types;
import io.tributary.contract.TributaryFacets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Datasets, their columns and their dataset, input and output facets. */
final class DatasetMapper {
  private static final String[] SYMLINKS = {Attributes.SYMLINKS};
  private static final String[] QUALITY_METRICS = {
    Attributes.DATA_QUALITY_METRICS, Attributes.ROW_COUNT, Attributes.BYTES, Attributes.FILE_COUNT
  };
  private static final String[] QUALITY_ASSERTIONS = {
    Attributes.DATA_QUALITY_ASSERTIONS, Attributes.ASSERTIONS_PASSED, Attributes.ASSERTIONS_FAILED
  };
  private static final String[] INPUT_STATISTICS = {
    Attributes.INPUT_ROW_COUNT, Attributes.INPUT_SIZE, Attributes.INPUT_FILE_COUNT
  };
  private static final String[] OUTPUT_STATISTICS = {
    Attributes.OUTPUT_ROW_COUNT, Attributes.OUTPUT_SIZE, Attributes.OUTPUT_FILE_COUNT
  };

  private final DatasetNaming naming;
  private final CommonFacets common;

  DatasetMapper(DatasetNaming naming, CommonFacets common) {
    this.naming = naming;
    this.common = common;
  }

  DatasetName name(MutationDraft draft, String namespace, String name) {
    return naming.name(namespace, name, draft.clusterHint(namespace));
  }

  /** Records the {@code tributary_cluster} facet of a dataset as the cluster of its namespace. */
  static void hintCluster(MutationDraft draft, String namespace, JsonNode facets) {
    JsonNode facet = Facets.find(TributaryFacets.CLUSTER, facets);
    String cluster = facet == null ? null : Facets.text(facet, TributaryFacets.CLUSTER_FIELD);
    if (cluster != null && !cluster.isBlank()) {
      draft.hintCluster(namespace, cluster);
    }
  }

  /** Writes a dataset's identity (name, namespace, cluster) and returns its key. */
  EntityKey identity(MutationDraft draft, DatasetName dataset) {
    EntityKey key = draft.key(dataset.typeName(), dataset.qualifiedName());
    MutationDraft.EntityDraft entity = draft.entity(key).name(dataset.name());
    entity.put(Attributes.NAMESPACE, dataset.namespace());
    if (dataset.cluster() != null) {
      entity.put(Attributes.CLUSTER_NAME, dataset.cluster());
    }
    if (Types.KAFKA_TOPIC.equals(dataset.typeName())) {
      entity.put(Attributes.TOPIC, dataset.name());
    }
    return key;
  }

  /** Writes a column's identity, links it to its dataset and returns its key. */
  EntityKey column(MutationDraft draft, DatasetName dataset, EntityKey datasetKey, String path) {
    EntityKey key = draft.key(Types.COLUMN, dataset.qualifiedName() + "." + path);
    owner(draft.entity(key).name(path), dataset);
    draft.relate(Types.REL_COLUMNS, datasetKey, key);
    return key;
  }

  /**
   * Writes the identity of the dataset that an entity belongs to (a column, a column lineage
   * entry): its qualifiedName, namespace and cluster, the attributes the dataset's own access
   * policy is found by, so that the entity is protected as its dataset.
   */
  static void owner(MutationDraft.EntityDraft entity, DatasetName dataset) {
    entity
        .put(Attributes.DATASET_QUALIFIED_NAME, dataset.qualifiedName())
        .put(Attributes.NAMESPACE, dataset.namespace());
    if (dataset.cluster() != null) {
      entity.put(Attributes.CLUSTER_NAME, dataset.cluster());
    }
  }

  /**
   * Writes a dataset with its facets.
   *
   * @param ioFacets the {@code inputFacets} or {@code outputFacets} object (missing for static
   *     datasets)
   */
  EntityKey dataset(MutationDraft draft, DatasetName dataset, JsonNode facets, JsonNode ioFacets) {
    EntityKey key = identity(draft, dataset);
    MutationDraft.EntityDraft entity = draft.entity(key);
    common.documentation(entity, facets);
    common.ownership(entity, facets);
    common.tags(entity, facets);
    schema(draft, dataset, key, facets);
    fieldTags(draft, dataset, key, facets);
    symlinks(entity, facets);
    qualityMetrics(entity, facets, ioFacets);
    qualityAssertions(entity, facets, ioFacets);
    statistics(entity, "inputStatistics", INPUT_STATISTICS, ioFacets);
    statistics(entity, "outputStatistics", OUTPUT_STATISTICS, ioFacets);
    return key;
  }

  /** Columns of the schema facet; nested fields flattened with '.'. */
  private void schema(
      MutationDraft draft, DatasetName dataset, EntityKey datasetKey, JsonNode facets) {
    JsonNode facet = Facets.find("schema", facets);
    if (facet == null || Facets.deleted(facet)) {
      return;
    }
    fields(draft, dataset, datasetKey, facet.path("fields"), "");
  }

  private void fields(
      MutationDraft draft,
      DatasetName dataset,
      EntityKey datasetKey,
      JsonNode fields,
      String prefix) {
    for (JsonNode field : fields) {
      String name = Facets.text(field, "name");
      if (name == null) {
        continue;
      }
      String path = prefix + name;
      MutationDraft.EntityDraft column = draft.entity(column(draft, dataset, datasetKey, path));
      Facets.putText(column, Attributes.TYPE, field, "type");
      Facets.putText(column, Attributes.DESCRIPTION, field, "description");
      Long ordinal = Facets.number(field, "ordinal_position");
      if (ordinal != null) {
        column.put(Attributes.ORDINAL_POSITION, ordinal.intValue());
      }
      fields(draft, dataset, datasetKey, field.path("fields"), path + ".");
    }
  }

  /** The column paths of a schema facet, nested fields flattened with '.'. */
  static List<String> schemaColumns(JsonNode facets) {
    JsonNode facet = Facets.find("schema", facets);
    if (facet == null || Facets.deleted(facet)) {
      return List.of();
    }
    List<String> paths = new ArrayList<>();
    paths(facet.path("fields"), "", paths);
    return paths;
  }

  private static void paths(JsonNode fields, String prefix, List<String> out) {
    for (JsonNode field : fields) {
      String name = Facets.text(field, "name");
      if (name != null) {
        out.add(prefix + name);
        paths(field.path("fields"), prefix + name + ".", out);
      }
    }
  }

  /** Tags with a {@code field} tag that column, creating it when no schema named it. */
  private void fieldTags(
      MutationDraft draft, DatasetName dataset, EntityKey datasetKey, JsonNode facets) {
    JsonNode facet = Facets.find("tags", facets);
    if (facet == null || Facets.deleted(facet)) {
      return;
    }
    Map<String, Map<String, String>> byField = new LinkedHashMap<>();
    Map<String, MutationDraft.EntityDraft> columns = new LinkedHashMap<>();
    for (JsonNode tag : facet.path("tags")) {
      String field = Facets.text(tag, "field");
      if (field == null) {
        continue;
      }
      MutationDraft.EntityDraft column =
          columns.computeIfAbsent(field, f -> draft.entity(column(draft, dataset, datasetKey, f)));
      common.addTag(column, byField.computeIfAbsent(field, f -> new LinkedHashMap<>()), tag);
    }
    byField.forEach(
        (field, tags) ->
            columns.get(field).put(Attributes.TAGS, Collections.unmodifiableMap(tags)));
  }

  private static void symlinks(MutationDraft.EntityDraft entity, JsonNode facets) {
    apply(
        entity,
        "symlinks",
        facet -> {
          List<String> links = new ArrayList<>();
          for (JsonNode identifier : facet.path("identifiers")) {
            String namespace = Facets.text(identifier, "namespace");
            String name = Facets.text(identifier, "name");
            if (namespace != null && name != null) {
              links.add(namespace + "/" + name);
            }
          }
          entity.put(Attributes.SYMLINKS, Collections.unmodifiableList(links));
        },
        SYMLINKS,
        facets);
  }

  private static void qualityMetrics(
      MutationDraft.EntityDraft entity, JsonNode facets, JsonNode ioFacets) {
    apply(
        entity,
        "dataQualityMetrics",
        facet -> {
          entity.put(Attributes.DATA_QUALITY_METRICS, Facets.json(content(facet)));
          Facets.putNumber(entity, Attributes.ROW_COUNT, facet, "rowCount");
          Facets.putNumber(entity, Attributes.BYTES, facet, "bytes");
          Facets.putNumber(entity, Attributes.FILE_COUNT, facet, "fileCount");
        },
        QUALITY_METRICS,
        facets,
        ioFacets);
  }

  private static void qualityAssertions(
      MutationDraft.EntityDraft entity, JsonNode facets, JsonNode ioFacets) {
    apply(
        entity,
        "dataQualityAssertions",
        facet -> {
          int passed = 0;
          int failed = 0;
          for (JsonNode assertion : facet.path("assertions")) {
            if (assertion.path("success").asBoolean(false)) {
              passed++;
            } else {
              failed++;
            }
          }
          entity.put(Attributes.DATA_QUALITY_ASSERTIONS, Facets.json(facet.path("assertions")));
          entity.put(Attributes.ASSERTIONS_PASSED, passed);
          entity.put(Attributes.ASSERTIONS_FAILED, failed);
        },
        QUALITY_ASSERTIONS,
        facets,
        ioFacets);
  }

  /** {@code [rowCount, size, fileCount]} attributes of an input or output statistics facet. */
  private static void statistics(
      MutationDraft.EntityDraft entity, String facetKey, String[] attributes, JsonNode ioFacets) {
    apply(
        entity,
        facetKey,
        facet -> {
          Facets.putNumber(entity, attributes[0], facet, "rowCount");
          Facets.putNumber(entity, attributes[1], facet, "size");
          Facets.putNumber(entity, attributes[2], facet, "fileCount");
        },
        attributes,
        ioFacets);
  }

  /** A facet without its {@code _producer} / {@code _schemaURL} envelope. */
  private static JsonNode content(JsonNode facet) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = facet.deepCopy();
    copy.remove(List.of("_producer", "_schemaURL", "_deleted"));
    return copy;
  }
}

package io.tributary.openlineage.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Types;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code columnLineage} facet of an output dataset. Each output column gets one {@code
 * stream_column_lineage} entity ({@code <process qn>:<output column qn>}) whose inputs are the
 * input columns and whose output is the output column. Dataset-level dependencies ({@code dataset}:
 * filters, joins, grouping) get one more entity, {@code <process qn>:<output dataset qn>}, from
 * those input columns to every output column the event names. Every entry belongs to the output
 * dataset: it carries that dataset's identity ({@code datasetQualifiedName}, {@code namespace},
 * {@code clusterName}), as columns do.
 */
final class ColumnLineageMapper {
  static final String FIELD_LEVEL = "FIELD";
  static final String DATASET_LEVEL = "DATASET";

  private final DatasetMapper datasets;

  ColumnLineageMapper(DatasetMapper datasets) {
    this.datasets = datasets;
  }

  /**
   * @param processQualifiedName the job's qualifiedName, or null for a static DatasetEvent (then
   *     the output dataset's qualifiedName stands in for it)
   * @param schemaColumns the output dataset's columns from its schema facet
   */
  void map(
      MutationDraft draft,
      String processQualifiedName,
      DatasetName output,
      EntityKey outputKey,
      JsonNode facets,
      List<String> schemaColumns) {
    JsonNode facet = Facets.find("columnLineage", facets);
    if (facet == null || Facets.deleted(facet)) {
      return;
    }
    String prefix = processQualifiedName == null ? output.qualifiedName() : processQualifiedName;
    Set<String> outputColumns = new LinkedHashSet<>(schemaColumns);
    for (Map.Entry<String, JsonNode> field : facet.path("fields").properties()) {
      outputColumns.add(field.getKey());
      EntityKey column = datasets.column(draft, output, outputKey, field.getKey());
      EntityKey lineage = draft.key(Types.COLUMN_LINEAGE, prefix + ":" + column.qualifiedName());
      MutationDraft.EntityDraft entity = draft.entity(lineage).name(field.getKey());
      describe(
          entity,
          processQualifiedName,
          output,
          FIELD_LEVEL,
          field.getValue().path("inputFields"),
          field.getValue());
      entity.put(Attributes.OUTPUT_COLUMN, column.qualifiedName());
      inputs(draft, lineage, field.getValue().path("inputFields"));
      draft.relate(Types.REL_OUTPUTS, lineage, column);
    }
    JsonNode dependencies = facet.path("dataset");
    if (dependencies.isArray() && !dependencies.isEmpty()) {
      EntityKey lineage = draft.key(Types.COLUMN_LINEAGE, prefix + ":" + output.qualifiedName());
      MutationDraft.EntityDraft entity = draft.entity(lineage).name(output.name());
      describe(entity, processQualifiedName, output, DATASET_LEVEL, dependencies, null);
      inputs(draft, lineage, dependencies);
      for (String path : outputColumns) {
        draft.relate(Types.REL_OUTPUTS, lineage, datasets.column(draft, output, outputKey, path));
      }
    }
  }

  private void inputs(MutationDraft draft, EntityKey lineage, JsonNode inputFields) {
    for (JsonNode input : inputFields) {
      String namespace = Facets.text(input, "namespace");
      String name = Facets.text(input, "name");
      String field = Facets.text(input, "field");
      if (namespace == null || name == null || field == null) {
        continue;
      }
      DatasetName dataset = datasets.name(draft, namespace, name);
      EntityKey datasetKey = datasets.identity(draft, dataset);
      draft.relate(Types.REL_INPUTS, datasets.column(draft, dataset, datasetKey, field), lineage);
    }
  }

  private static void describe(
      MutationDraft.EntityDraft entity,
      String processQualifiedName,
      DatasetName output,
      String level,
      JsonNode inputFields,
      JsonNode field) {
    Set<String> types = new LinkedHashSet<>();
    Set<String> subtypes = new LinkedHashSet<>();
    Set<String> descriptions = new LinkedHashSet<>();
    boolean masking = false;
    ArrayNode transformations = JsonNodeFactory.instance.arrayNode();
    for (JsonNode input : inputFields) {
      JsonNode steps = input.path("transformations");
      if (steps.isEmpty()) {
        transformations.add(transformation(input, level, null));
      }
      for (JsonNode step : steps) {
        addIfText(types, step, "type");
        addIfText(subtypes, step, "subtype");
        addIfText(descriptions, step, "description");
        masking |= step.path("masking").asBoolean(false);
        transformations.add(transformation(input, level, step));
      }
    }
    if (field != null) {
      // The deprecated field-level form: IDENTITY or MASKED for the whole column, which the
      // current spec writes as a DIRECT transformation with that subtype.
      String legacyType = Facets.text(field, "transformationType");
      if (legacyType != null && !legacyType.isBlank()) {
        types.add("DIRECT");
        subtypes.add(legacyType);
        masking |= "MASKED".equalsIgnoreCase(legacyType);
      }
      addIfText(descriptions, field, "transformationDescription");
    }
    if (processQualifiedName != null) {
      entity.put(Attributes.PROCESS_QUALIFIED_NAME, processQualifiedName);
    }
    // An entry belongs to its output dataset and is protected as it.
    DatasetMapper.owner(entity, output);
    entity
        .put(Attributes.OUTPUT_DATASET, output.qualifiedName())
        .put(Attributes.LINEAGE_LEVEL, level)
        .put(Attributes.TRANSFORMATION_TYPES, List.copyOf(types))
        .put(Attributes.TRANSFORMATION_SUBTYPES, List.copyOf(subtypes))
        .put(
            Attributes.TRANSFORMATION_DESCRIPTION,
            descriptions.isEmpty() ? null : String.join("; ", descriptions))
        .put(Attributes.MASKING, masking)
        .put(Attributes.TRANSFORMATIONS, Facets.json(transformations));
  }

  private static ObjectNode transformation(JsonNode input, String level, JsonNode step) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("namespace", Facets.text(input, "namespace"));
    out.put("name", Facets.text(input, "name"));
    out.put("field", Facets.text(input, "field"));
    out.put("level", level);
    if (step != null) {
      for (String key : List.of("type", "subtype", "description")) {
        String value = Facets.text(step, key);
        if (value != null) {
          out.put(key, value);
        }
      }
      if (step.has("masking")) {
        out.put("masking", step.path("masking").asBoolean(false));
      }
    }
    return out;
  }

  private static void addIfText(Set<String> out, JsonNode node, String field) {
    String value = Facets.text(node, field);
    if (value != null && !value.isBlank()) {
      out.add(value);
    }
  }
}

package io.tributary.atlascompat;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.atlas.AtlasJson;
import io.tributary.atlas.AtlasTypedefExport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.atlas.exception.AtlasBaseException;
import org.apache.atlas.model.typedef.AtlasBaseTypeDef;
import org.apache.atlas.model.typedef.AtlasTypesDef;
import org.apache.atlas.type.AtlasEntityType;
import org.apache.atlas.type.AtlasRelationshipType;
import org.apache.atlas.type.AtlasType;
import org.apache.atlas.type.AtlasTypeRegistry;
import org.apache.atlas.type.AtlasTypeRegistry.AtlasTransientTypeRegistry;
import org.junit.jupiter.api.Test;

/**
 * Tributary's typedef JSON read by Atlas's own model classes and resolved by Atlas's own type
 * registry, on top of a base that mirrors Atlas's ({@code Referenceable}, {@code Asset}, {@code
 * DataSet}, {@code Process} and the input/output relationships) and of the Atlas-shipped types
 * Tributary reuses, with their mandatory attributes ({@code atlas-shipped-types.json}).
 */
class StreamingTypedefsTest {
  private static final AtlasJson JSON = new AtlasJson();

  @Test
  void shouldParseShippedTypedefsWithAtlasModelClasses() {
    AtlasTypesDef streaming = parse(AtlasTypedefExport.RESOURCE);
    AtlasTypesDef base = parse("/typedefs/atlas-base.json");

    assertThat(names(streaming.getEntityDefs()))
        .contains(
            "pulsar_topic",
            "kinesis_stream",
            "mqtt_topic",
            "kafka_streams_application",
            "edge_device",
            "stream_column",
            "stream_column_lineage",
            "stream_process_run");
    assertThat(names(streaming.getRelationshipDefs()))
        .contains("dataset_stream_columns", "process_stream_runs");
    assertThat(names(base.getEntityDefs()))
        .contains("Referenceable", "Asset", "DataSet", "Process");
  }

  @Test
  void shouldResolveAtlasFormInAtlasTypeRegistryOnTopOfAtlasShippedTypes() throws Exception {
    AtlasTypeRegistry registry =
        load(
            parse("/typedefs/atlas-base.json"),
            parse("/atlas-shipped-types.json"),
            AtlasType.fromJson(new AtlasTypedefExport(JSON).forAtlasJson(), AtlasTypesDef.class));

    for (String dataset :
        List.of("pulsar_topic", "kinesis_stream", "mqtt_topic", "stream_column")) {
      assertThat(registry.getEntityTypeByName(dataset).isSubTypeOf("DataSet")).as(dataset).isTrue();
    }
    for (String process :
        List.of("kafka_streams_application", "edge_device", "stream_column_lineage")) {
      assertThat(registry.getEntityTypeByName(process).isSubTypeOf("Process")).as(process).isTrue();
    }
    AtlasEntityType pulsar = registry.getEntityTypeByName("pulsar_topic");
    assertThat(pulsar.getRelationshipAttributes()).containsKeys("columns", "inputToProcesses");
    AtlasRelationshipType runs = registry.getRelationshipTypeByName("process_stream_runs");
    assertThat(runs.getEnd2Type().getTypeName()).isEqualTo("stream_process_run");
    // Atlas's own kafka_topic keeps its mandatory attributes: Tributary writes topic and uri.
    assertThat(
            registry
                .getEntityTypeByName("kafka_topic")
                .getAttribute("uri")
                .getAttributeDef()
                .getIsOptional())
        .isFalse();
  }

  @Test
  void shouldDifferFromShippedFileOnlyByTypesAtlasAlreadyDefines() {
    AtlasTypedefExport export = new AtlasTypedefExport(JSON);
    Set<String> shipped = textNames(export.shipped().path("entityDefs"));
    Set<String> forAtlas = textNames(export.forAtlas().path("entityDefs"));

    assertThat(forAtlas).doesNotContainAnyElementsOf(AtlasTypedefExport.ATLAS_SHIPPED);
    assertThat(shipped).containsAll(forAtlas);
    assertThat(shipped.stream().filter(n -> !forAtlas.contains(n)).collect(Collectors.toSet()))
        .isSubsetOf(AtlasTypedefExport.ATLAS_SHIPPED);
    assertThat(export.forAtlas().path("relationshipDefs"))
        .isEqualTo(export.shipped().path("relationshipDefs"));
  }

  /**
   * Atlas's typedef store rejects a POST naming a registered type (409, ATLAS-409-00-001): the
   * Atlas form names none, the shipped file exactly those Atlas ships that it defines again.
   */
  @Test
  void shouldNameNoTypeAtlasAlreadyHasInTheAtlasForm() throws Exception {
    AtlasTypeRegistry atlas =
        load(parse("/typedefs/atlas-base.json"), parse("/atlas-shipped-types.json"));
    AtlasTypedefExport export = new AtlasTypedefExport(JSON);
    AtlasTypesDef shipped = parse(AtlasTypedefExport.RESOURCE);
    AtlasTypesDef forAtlas = AtlasType.fromJson(export.forAtlasJson(), AtlasTypesDef.class);

    assertThat(registered(atlas, forAtlas)).isEmpty();
    assertThat(registered(atlas, shipped))
        .isEqualTo(
            names(shipped.getEntityDefs()).stream()
                .filter(AtlasTypedefExport.ATLAS_SHIPPED::contains)
                .collect(Collectors.toSet()));
  }

  private static Set<String> registered(AtlasTypeRegistry registry, AtlasTypesDef document) {
    Set<String> out = new java.util.TreeSet<>();
    for (List<? extends AtlasBaseTypeDef> defs :
        List.of(
            document.getEnumDefs(),
            document.getStructDefs(),
            document.getClassificationDefs(),
            document.getEntityDefs(),
            document.getRelationshipDefs())) {
      defs.stream()
          .map(AtlasBaseTypeDef::getName)
          .filter(registry::isRegisteredType)
          .forEach(out::add);
    }
    return out;
  }

  private static AtlasTypeRegistry load(AtlasTypesDef... documents) throws AtlasBaseException {
    AtlasTypeRegistry registry = new AtlasTypeRegistry();
    AtlasTransientTypeRegistry ttr = registry.lockTypeRegistryForUpdate();
    boolean commit = false;
    try {
      for (AtlasTypesDef document : documents) {
        ttr.addTypes(document);
      }
      commit = true;
    } finally {
      registry.releaseTypeRegistryForUpdate(ttr, commit);
    }
    return registry;
  }

  static AtlasTypesDef parse(String resource) {
    AtlasTypesDef typesDef = AtlasType.fromJson(read(resource), AtlasTypesDef.class);
    assertThat(typesDef).as("Atlas parses " + resource).isNotNull();
    return typesDef;
  }

  static String read(String resource) {
    try (InputStream in = StreamingTypedefsTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<String> names(List<? extends AtlasBaseTypeDef> defs) {
    return defs.stream().map(AtlasBaseTypeDef::getName).collect(Collectors.toSet());
  }

  private static Set<String> textNames(com.fasterxml.jackson.databind.JsonNode defs) {
    Set<String> out = new java.util.TreeSet<>();
    defs.forEach(d -> out.add(d.path("name").asText()));
    return out;
  }
}

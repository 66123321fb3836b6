package io.tributary.ui;

import static io.tributary.ui.ExportFixtures.ALERTS;
import static io.tributary.ui.ExportFixtures.ENRICH;
import static io.tributary.ui.ExportFixtures.HIDDEN;
import static io.tributary.ui.ExportFixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.export.LineageExporters;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LineageExportersTest {
  private final LineageExporters exporters = LineageExporters.load();
  private final ObjectMapper json = new ObjectMapper();

  private byte[] export(String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporters.get(format).write(ExportFixtures.export(), out);
    return out.toByteArray();
  }

  private String text(String format) throws IOException {
    return new String(export(format), StandardCharsets.UTF_8);
  }

  @Test
  void shouldWriteAtlasLineageInfoWithEveryNodeAndRelation() throws Exception {
    JsonNode atlas = json.readTree(export("atlas"));

    assertThat(atlas.get("baseEntityGuid").asText()).isEqualTo(ORDERS.guid().value());
    assertThat(atlas.get("lineageDirection").asText()).isEqualTo("OUTPUT");
    assertThat(atlas.get("lineageDepth").asInt()).isEqualTo(3);
    assertThat(atlas.get("guidEntityMap").size()).isEqualTo(5);
    JsonNode orders = atlas.get("guidEntityMap").get(ORDERS.guid().value());
    assertThat(orders.get("typeName").asText()).isEqualTo("kafka_topic");
    assertThat(orders.get("attributes").get("qualifiedName").asText()).isEqualTo("orders@prod");
    assertThat(orders.get("classificationNames").get(0).asText()).isEqualTo("PII");
    assertThat(atlas.get("guidEntityMap").get(HIDDEN.value()).get("typeName").asText())
        .isEqualTo("redacted");
    assertThat(atlas.get("relations")).hasSize(4);
    assertThat(atlas.get("relations").get(0).get("fromEntityId").asText())
        .isEqualTo(ORDERS.guid().value());
  }

  @Test
  void shouldNameOpenLineageNodesByKindNamespaceAndName() throws Exception {
    JsonNode ol = json.readTree(export("openlineage"));

    assertThat(ol.get("focus").asText()).isEqualTo("dataset:prod:orders@prod");
    List<String> types = ol.get("graph").findValuesAsText("type");
    assertThat(types).contains("DATASET", "JOB", "REDACTED");
    JsonNode job =
        ol.get("graph").findParents("type").stream()
            .filter(n -> n.get("type").asText().equals("JOB"))
            .findFirst()
            .orElseThrow();
    assertThat(job.get("inEdges").get(0).get("origin").asText())
        .isEqualTo("dataset:prod:orders@prod");
    assertThat(job.get("outEdges").get(0).get("destination").asText())
        .isEqualTo("dataset:prod:enriched@prod");
  }

  @Test
  void shouldWriteValidGraphMlWithNodesEdgesAndEscapedNames() throws Exception {
    Document doc = parseXml(export("graphml"));

    assertThat(doc.getElementsByTagName("node").getLength()).isEqualTo(5);
    assertThat(doc.getElementsByTagName("edge").getLength()).isEqualTo(4);
    assertThat(text("graphml")).contains("enrich \"orders\", &lt;fast&gt; &amp; co");
  }

  @Test
  void shouldWriteDotWithOneLinePerEdgeAndQuotedLabels() throws Exception {
    String dot = text("dot");

    assertThat(dot).startsWith("digraph lineage {");
    assertThat(dot.lines().filter(l -> l.contains(" -> "))).hasSize(4);
    assertThat(dot).contains("\"enrich \\\"orders\\\", <fast> & co\\nflink_application\"");
    assertThat(dot).contains("shape=box");
  }

  @Test
  void shouldWriteCsvRowsPerEdgeWithQuotedCells() throws Exception {
    List<String> rows = text("csv").lines().toList();

    assertThat(rows.get(0))
        .isEqualTo(
            "source_guid,source_type,source_qualified_name,source_name,target_guid,target_type,"
                + "target_qualified_name,target_name,relationship_type");
    assertThat(rows).hasSize(5);
    assertThat(rows.get(1)).contains("\"enrich \"\"orders\"\", <fast> & co\"");
    assertThat(rows).anyMatch(r -> r.startsWith(HIDDEN.value() + ",redacted,,hidden,"));
  }

  @Test
  void shouldDrawAnSvgWithABoxPerNodeAndALinePerEdge() throws Exception {
    Document doc = parseXml(export("svg"));

    assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(6); // background + 5
    assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(4);
    assertThat(text("svg")).contains("data-guid=\"" + ALERTS.guid().value() + "\"");
  }

  @Test
  void shouldDrawAPngLeftToRight() throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(export("png")));

    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isGreaterThan(image.getHeight());
    assertThat(image.getWidth()).isGreaterThan(800);
  }

  @Test
  void shouldFindTheBuiltInsAndAPluginOnTheClassPath() throws IOException {
    assertThat(exporters.formats())
        .contains("atlas", "openlineage", "graphml", "dot", "csv", "svg", "png", "names");
    assertThat(text("names").lines()).contains("orders@prod", "alerts@prod");
    assertThat(exporters.get("svg").needsDrawing()).isTrue();
    assertThat(exporters.get("names").needsDrawing()).isFalse();
  }

  @Test
  void shouldListTheKnownFormatsForAnUnknownOne() {
    assertThatThrownBy(() -> exporters.get("xlsx"))
        .hasMessageContaining("'xlsx'")
        .hasMessageContaining("atlas, openlineage, graphml, dot, csv, svg, png");
  }

  @Test
  void shouldTellJobsFromDatasetsThroughTheTypeHierarchy() {
    assertThat(ExportFixtures.export().nodes())
        .filteredOn(n -> n.guid().equals(ENRICH.guid()))
        .singleElement()
        .extracting(n -> n.kind().name())
        .isEqualTo("PROCESS");
  }

  private static Document parseXml(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }
}

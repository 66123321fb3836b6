package io.tributary.server.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageEdge;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The lineage graph in OpenLineage's naming: DATASET and JOB nodes named by namespace and name,
 * with in and out edges, in the shape of Marquez's lineage API (the reference OpenLineage server).
 */
public final class OpenLineageGraphExporter implements LineageExporter {
  static final String SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String format() {
    return "openlineage";
  }

  @Override
  public String mediaType() {
    return "application/json";
  }

  @Override
  public String fileExtension() {
    return "openlineage.json";
  }

  @Override
  public void write(LineageExport export, OutputStream out) throws IOException {
    json.writeValue(out, toGraph(export));
  }

  ObjectNode toGraph(LineageExport export) {
    Map<Guid, String> ids = new HashMap<>();
    for (LineageExport.Node node : export.nodes()) {
      ids.put(node.guid(), nodeId(node));
    }
    ObjectNode root = json.createObjectNode();
    root.put("schemaURL", SCHEMA_URL);
    root.put("focus", ids.get(export.graph().start()));
    ArrayNode graph = root.putArray("graph");
    for (LineageExport.Node node : export.nodes()) {
      ObjectNode n = graph.addObject();
      n.put("id", ids.get(node.guid()));
      n.put("type", kind(node));
      ObjectNode data = n.putObject("data");
      data.put("guid", node.guid().value());
      data.put("namespace", namespace(node.entity()));
      data.put("name", name(node));
      data.put("qualifiedName", node.qualifiedName());
      data.put("typeName", node.typeName());
      if (node.entity() != null) {
        data.put("tenant", node.entity().tenant().value());
        ArrayNode tags = data.putArray("tags");
        new TreeSet<>(node.entity().classifications()).forEach(tags::add);
      }
      ArrayNode in = n.putArray("inEdges");
      ArrayNode outEdges = n.putArray("outEdges");
      for (LineageEdge e : export.graph().edges()) {
        if (e.to().equals(node.guid())) {
          in.addObject().put("origin", ids.get(e.from())).put("destination", ids.get(e.to()));
        }
        if (e.from().equals(node.guid())) {
          outEdges.addObject().put("origin", ids.get(e.from())).put("destination", ids.get(e.to()));
        }
      }
    }
    return root;
  }

  private static String kind(LineageExport.Node node) {
    return switch (node.kind()) {
      case PROCESS -> "JOB";
      case COLUMN -> "DATASET_FIELD";
      case REDACTED -> "REDACTED";
      case DATASET -> "DATASET";
    };
  }

  private static String nodeId(LineageExport.Node node) {
    String q = node.entity() == null ? node.guid().value() : node.qualifiedName();
    return kind(node).toLowerCase(java.util.Locale.ROOT) + ":" + namespace(node.entity()) + ":" + q;
  }

  private static String name(LineageExport.Node node) {
    Object name = node.entity() == null ? null : node.entity().attributes().get("name");
    return name == null ? node.name() : String.valueOf(name);
  }

  /** The OpenLineage namespace the mapping kept, else what the qualifiedName tells. */
  static String namespace(Entity entity) {
    if (entity == null) {
      return "redacted";
    }
    Object ns = entity.attributes().get("namespace");
    if (ns != null) {
      return String.valueOf(ns);
    }
    String qn = entity.qualifiedName();
    int at = qn.lastIndexOf('@');
    if (at >= 0) {
      return qn.substring(at + 1);
    }
    int slash = qn.indexOf('/');
    return slash > 0 ? qn.substring(0, slash) : entity.tenant().value();
  }
}

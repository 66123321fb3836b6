package io.tributary.server.export;

import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageEdge;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 4180 CSV, one row per edge with both ends described; an entity without edges gets a row with
 * empty target columns, so that no node is lost.
 */
public final class CsvExporter implements LineageExporter {
  static final List<String> HEADER =
      List.of(
          "source_guid",
          "source_type",
          "source_qualified_name",
          "source_name",
          "target_guid",
          "target_type",
          "target_qualified_name",
          "target_name",
          "relationship_type");

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public String mediaType() {
    return "text/csv";
  }

  @Override
  public String fileExtension() {
    return "csv";
  }

  @Override
  public void write(LineageExport export, OutputStream out) throws IOException {
    Map<Guid, LineageExport.Node> nodes = new HashMap<>();
    export.nodes().forEach(n -> nodes.put(n.guid(), n));
    StringBuilder csv = new StringBuilder();
    row(csv, HEADER);
    Set<Guid> linked = new HashSet<>();
    for (LineageEdge e : export.graph().edges()) {
      List<String> cells = new ArrayList<>(side(nodes.get(e.from()), e.from()));
      cells.addAll(side(nodes.get(e.to()), e.to()));
      cells.add(e.relationshipType());
      row(csv, cells);
      linked.add(e.from());
      linked.add(e.to());
    }
    for (LineageExport.Node node : export.nodes()) {
      if (!linked.contains(node.guid())) {
        List<String> cells = new ArrayList<>(side(node, node.guid()));
        cells.addAll(List.of("", "", "", "", ""));
        row(csv, cells);
      }
    }
    out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> side(LineageExport.Node node, Guid guid) {
    if (node == null) {
      return List.of(guid.value(), "redacted", "", "hidden");
    }
    return List.of(guid.value(), node.typeName(), node.qualifiedName(), node.name());
  }

  private static void row(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  static String cell(String value) {
    String s = value == null ? "" : value;
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}

package io.tributary.server.export;

import io.tributary.catalog.LineageEdge;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Graphviz DOT: datasets as ellipses, jobs as boxes, columns as notes, left to right. */
public final class DotExporter implements LineageExporter {
  @Override
  public String format() {
    return "dot";
  }

  @Override
  public String mediaType() {
    return "text/vnd.graphviz";
  }

  @Override
  public String fileExtension() {
    return "dot";
  }

  @Override
  public void write(LineageExport export, OutputStream out) throws IOException {
    StringBuilder dot = new StringBuilder("digraph lineage {\n  rankdir=LR;\n");
    dot.append("  node [fontname=\"Helvetica\", fontsize=10];\n");
    for (LineageExport.Node node : export.nodes()) {
      String shape =
          switch (node.kind()) {
            case PROCESS -> "box";
            case COLUMN -> "note";
            case REDACTED -> "point";
            case DATASET -> "ellipse";
          };
      dot.append("  ")
          .append(quote(node.guid().value()))
          .append(" [label=")
          .append(quote(node.name() + "\n" + node.typeName()))
          .append(", shape=")
          .append(shape)
          .append(node.guid().equals(export.graph().start()) ? ", penwidth=3" : "")
          .append("];\n");
    }
    for (LineageEdge e : export.graph().edges()) {
      dot.append("  ")
          .append(quote(e.from().value()))
          .append(" -> ")
          .append(quote(e.to().value()))
          .append(" [label=")
          .append(quote(e.relationshipType()))
          .append("];\n");
    }
    dot.append("}\n");
    out.write(dot.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A DOT string: quotes and backslashes escaped, line breaks as DOT's centred {@code \n}. */
  static String quote(String s) {
    return "\""
        + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n")
        + "\"";
  }
}

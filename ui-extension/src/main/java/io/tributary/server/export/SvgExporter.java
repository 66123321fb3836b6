package io.tributary.server.export;

import io.tributary.catalog.LineageEdge;
import io.tributary.server.layout.LayoutResult.Point;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** A standalone SVG of the graph laid out by ELK, edges along ELK's routes. */
public final class SvgExporter implements LineageExporter {
  @Override
  public String format() {
    return "svg";
  }

  @Override
  public String mediaType() {
    return "image/svg+xml";
  }

  @Override
  public boolean needsDrawing() {
    return true;
  }

  @Override
  public String fileExtension() {
    return "svg";
  }

  @Override
  public void write(LineageExport export, OutputStream out) throws IOException {
    Drawing d = export.drawing().get();
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\""
                + " viewBox=\"0 0 %.1f %.1f\" font-family=\"Helvetica, Arial, sans-serif\">\n",
            d.width(),
            d.height(),
            d.width(),
            d.height()));
    svg.append("<title>Lineage of ").append(xml(title(export))).append("</title>\n");
    svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
        .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
        .append(Palette.EDGE)
        .append("\"/></marker></defs>\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"")
        .append(Palette.BACKGROUND)
        .append("\"/>\n<g class=\"edges\">\n");
    List<LineageEdge> edges = export.graph().edges();
    for (int i = 0; i < edges.size(); i++) {
      List<Point> route = d.routes().get(i);
      if (route.size() < 2) {
        continue;
      }
      svg.append("<polyline fill=\"none\" stroke=\"")
          .append(Palette.EDGE)
          .append("\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\" data-from=\"")
          .append(edges.get(i).from().value())
          .append("\" data-to=\"")
          .append(edges.get(i).to().value())
          .append("\" points=\"");
      for (Point p : route) {
        svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.x(), p.y()));
      }
      svg.setLength(svg.length() - 1);
      svg.append("\"/>\n");
    }
    svg.append("</g>\n<g class=\"nodes\">\n");
    for (LineageExport.Node node : export.nodes()) {
      Drawing.Box b = d.boxes().get(node.guid());
      Palette p = Palette.of(node.kind());
      boolean focus = node.guid().equals(export.graph().start());
      svg.append("<g data-guid=\"").append(node.guid().value()).append("\">");
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\" fill=\"%s\""
                  + " stroke=\"%s\" stroke-width=\"%s\"/>",
              b.x(),
              b.y(),
              b.width(),
              b.height(),
              p.fill(),
              focus ? Palette.FOCUS : p.stroke(),
              focus ? "3" : "1.5"));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" fill=\"%s\">",
              b.centerX(),
              b.centerY() + 4,
              Palette.TEXT));
      svg.append(xml(node.name())).append("</text></g>\n");
    }
    svg.append("</g>\n</svg>\n");
    out.write(svg.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String title(LineageExport export) {
    return export.nodes().stream()
        .filter(n -> n.guid().equals(export.graph().start()))
        .findFirst()
        .map(LineageExport.Node::name)
        .orElse(export.graph().start().value());
  }

  static String xml(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          // Control characters are not allowed in XML 1.0.
          if (c >= 0x20 || c == '\t' || c == '\n') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}

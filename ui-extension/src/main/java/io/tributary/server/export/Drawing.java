package io.tributary.server.export;

import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageEdge;
import io.tributary.server.layout.LayeredLayout;
import io.tributary.server.layout.LayoutRequest;
import io.tributary.server.layout.LayoutResult;
import io.tributary.server.layout.LayoutResult.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lineage graph laid out by ELK's layered algorithm, in drawing coordinates with the origin at
 * the top left: boxes by guid, and each edge as a polyline in the order of the graph's edges.
 */
public record Drawing(Map<Guid, Box> boxes, List<List<Point>> routes, double width, double height) {
  static final double MARGIN = 20;

  public Drawing {
    boxes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(boxes));
    routes = List.copyOf(routes);
  }

  /** A node's rectangle: top-left corner and size. */
  public record Box(double x, double y, double width, double height) {
    public double centerX() {
      return x + width / 2;
    }

    public double centerY() {
      return y + height / 2;
    }
  }

  /** The same sizes the web UI gives nodes, so that an export looks like the screen. */
  static double width(LineageExport.Node node) {
    double min = node.kind() == NodeKind.COLUMN ? 70 : 96;
    return Math.round(Math.min(260, Math.max(min, 26 + node.name().length() * 6.6)));
  }

  static double height(LineageExport.Node node) {
    return node.kind() == NodeKind.COLUMN ? 22 : 34;
  }

  public static Drawing layOut(
      List<LineageExport.Node> nodes, List<LineageEdge> edges, LayeredLayout layout) {
    List<LayoutRequest.Node> requestNodes = new ArrayList<>();
    for (LineageExport.Node node : nodes) {
      requestNodes.add(new LayoutRequest.Node(node.guid().value(), width(node), height(node)));
    }
    List<LayoutRequest.Edge> requestEdges = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      LineageEdge e = edges.get(i);
      requestEdges.add(new LayoutRequest.Edge("e" + i, e.from().value(), e.to().value()));
    }
    LayoutResult result =
        layout.layout(new LayoutRequest(requestNodes, requestEdges, LayoutRequest.Options.DEFAULT));
    Map<Guid, Box> boxes = new LinkedHashMap<>();
    for (LineageExport.Node node : nodes) {
      Point c = result.positions().get(node.guid().value());
      Point s = result.sizes().get(node.guid().value());
      boxes.put(
          node.guid(),
          new Box(MARGIN + c.x() - s.x() / 2, MARGIN + c.y() - s.y() / 2, s.x(), s.y()));
    }
    List<List<Point>> routes = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      List<Point> shifted = new ArrayList<>();
      for (Point p : result.routes().getOrDefault("e" + i, List.of())) {
        shifted.add(new Point(p.x() + MARGIN, p.y() + MARGIN));
      }
      routes.add(shifted);
    }
    return new Drawing(boxes, routes, result.width() + 2 * MARGIN, result.height() + 2 * MARGIN);
  }
}

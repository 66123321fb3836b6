package io.tributary.server.layout;

import java.util.List;
import java.util.Map;

/**
 * Where a layout put everything.
 *
 * @param positions the centre of each node (the convention of Cytoscape and of SVG circles), by id
 * @param sizes width and height of each node; group nodes get the size that encloses their members
 * @param routes each edge as a polyline from source to target, by edge id
 * @param width width of the whole drawing
 * @param height height of the whole drawing
 * @param millis how long the layout took
 */
public record LayoutResult(
    Map<String, Point> positions,
    Map<String, Point> sizes,
    Map<String, List<Point>> routes,
    double width,
    double height,
    long millis) {
  public LayoutResult {
    positions = Map.copyOf(positions);
    sizes = Map.copyOf(sizes);
    routes = Map.copyOf(routes);
  }

  /** A point, or a width and height. */
  public record Point(double x, double y) {}
}

package io.tributary.server.layout;

import java.util.List;
import java.util.Objects;

/**
 * A graph to lay out.
 *
 * @param options null for the defaults
 */
public record LayoutRequest(List<Node> nodes, List<Edge> edges, Options options) {
  public LayoutRequest {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    edges = edges == null ? List.of() : List.copyOf(edges);
    options = options == null ? Options.DEFAULT : options;
  }

  /**
   * One node; width and height in pixels.
   *
   * @param parent the id of an enclosing group node, or null: groups are laid out as boxes around
   *     their members
   */
  public record Node(String id, double width, double height, String parent) {
    public Node {
      Objects.requireNonNull(id, "node id");
      if (!(width > 0) || !(height > 0) || width > 10_000 || height > 10_000) {
        throw new IllegalArgumentException(
            "Node '" + id + "' has size " + width + "x" + height + ": use 0 < size <= 10000");
      }
    }

    public Node(String id, double width, double height) {
      this(id, width, height, null);
    }
  }

  /** A directed edge, in data-flow direction. */
  public record Edge(String id, String source, String target) {
    public Edge {
      Objects.requireNonNull(source, "edge source");
      Objects.requireNonNull(target, "edge target");
      id = id == null ? source + "->" + target : id;
    }
  }

  /**
   * How to lay out.
   *
   * @param direction where data flows: RIGHT, DOWN, LEFT or UP
   * @param nodeSpacing pixels between nodes of one layer
   * @param layerSpacing pixels between layers
   */
  public record Options(String direction, double nodeSpacing, double layerSpacing) {
    private static final double DEFAULT_NODE_SPACING = 24;
    private static final double DEFAULT_LAYER_SPACING = 64;
    public static final Options DEFAULT =
        new Options("RIGHT", DEFAULT_NODE_SPACING, DEFAULT_LAYER_SPACING);

    public Options {
      direction = direction == null ? "RIGHT" : direction.trim().toUpperCase(java.util.Locale.ROOT);
      if (!List.of("RIGHT", "DOWN", "LEFT", "UP").contains(direction)) {
        throw new IllegalArgumentException(
            "Direction '" + direction + "' is unknown: use RIGHT, DOWN, LEFT or UP");
      }
      nodeSpacing = nodeSpacing <= 0 ? DEFAULT_NODE_SPACING : Math.min(nodeSpacing, 1000);
      layerSpacing = layerSpacing <= 0 ? DEFAULT_LAYER_SPACING : Math.min(layerSpacing, 2000);
    }
  }
}

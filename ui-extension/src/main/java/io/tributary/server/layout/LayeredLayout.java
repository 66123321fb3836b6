package io.tributary.server.layout;

import io.tributary.server.layout.LayoutResult.Point;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Eclipse ELK's layered (Sugiyama) layout: layers follow the data flow, crossings are minimised,
 * edges are routed as polylines. Thread-safe: every call builds its own ELK graph.
 */
public final class LayeredLayout {
  /** Above this many nodes the cheaper crossing minimisation keeps a layout near one second. */
  static final int LARGE_GRAPH = 1_500;

  private static final long LAYOUT_STACK_BYTES = 256L << 20;

  private final int maxNodes;

  /**
   * @param maxNodes the largest graph accepted; a layout of 5,000 nodes takes about a second
   */
  public LayeredLayout(int maxNodes) {
    if (maxNodes < 1) {
      throw new IllegalArgumentException("maxNodes " + maxNodes + " must be positive");
    }
    this.maxNodes = maxNodes;
  }

  public LayeredLayout() {
    this(20_000);
  }

  public LayoutResult layout(LayoutRequest request) {
    long start = System.nanoTime();
    if (request.nodes().size() > maxNodes) {
      throw new IllegalArgumentException(
          "Graph of " + request.nodes().size() + " nodes exceeds the limit of " + maxNodes);
    }
    ElkNode root = ElkGraphUtil.createGraph();
    boolean grouped = request.nodes().stream().anyMatch(n -> n.parent() != null);
    configure(root, request.options(), request.nodes().size(), grouped);
    Map<String, ElkNode> elkNodes = createNodes(root, request);
    Map<String, ElkEdge> elkEdges = createEdges(request, elkNodes);
    runWithDeepStack(
        () -> new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor()));
    return result(root, elkNodes, elkEdges, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * ELK walks connected components and layers recursively: a long lineage chain overflows the stack
   * of a server worker thread, so the layout runs on a thread of its own with a deep stack.
   */
  private static void runWithDeepStack(Runnable layout) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                layout.run();
              } catch (RuntimeException | Error e) {
                failure.set(e);
              }
            },
            "elk-layout",
            LAYOUT_STACK_BYTES);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("layout interrupted", e);
    }
    Throwable t = failure.get();
    if (t instanceof StackOverflowError) {
      throw new IllegalArgumentException("Graph is too deep to lay out", t);
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
  }

  private static void configure(
      ElkNode root, LayoutRequest.Options options, int nodeCount, boolean grouped) {
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.valueOf(options.direction()));
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE, options.nodeSpacing());
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, options.layerSpacing());
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, options.layerSpacing() / 4);
    if (nodeCount > LARGE_GRAPH) {
      root.setProperty(LayeredOptions.THOROUGHNESS, 1);
    }
    if (grouped) {
      // Edges between members of different groups must be laid out with the groups together.
      root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    }
  }

  private static Map<String, ElkNode> createNodes(ElkNode root, LayoutRequest request) {
    Map<String, LayoutRequest.Node> byId = new LinkedHashMap<>();
    for (LayoutRequest.Node node : request.nodes()) {
      if (byId.put(node.id(), node) != null) {
        throw new IllegalArgumentException("Node id '" + node.id() + "' appears twice");
      }
    }
    Map<String, ElkNode> elkNodes = new HashMap<>();
    for (LayoutRequest.Node node : request.nodes()) {
      create(node, byId, elkNodes, root, new HashSet<>());
    }
    return elkNodes;
  }

  private static ElkNode create(
      LayoutRequest.Node node,
      Map<String, LayoutRequest.Node> byId,
      Map<String, ElkNode> elkNodes,
      ElkNode root,
      Set<String> visiting) {
    ElkNode existing = elkNodes.get(node.id());
    if (existing != null) {
      return existing;
    }
    if (!visiting.add(node.id())) {
      throw new IllegalArgumentException("Node '" + node.id() + "' is its own ancestor");
    }
    ElkNode parent = root;
    if (node.parent() != null) {
      LayoutRequest.Node parentNode = byId.get(node.parent());
      if (parentNode == null) {
        throw new IllegalArgumentException(
            "Node '" + node.id() + "' names parent '" + node.parent() + "', which is not a node");
      }
      parent = create(parentNode, byId, elkNodes, root, visiting);
      parent.setProperty(CoreOptions.PADDING, new ElkPadding(28, 12, 12, 12));
    }
    ElkNode elkNode = ElkGraphUtil.createNode(parent);
    elkNode.setIdentifier(node.id());
    elkNode.setDimensions(node.width(), node.height());
    elkNodes.put(node.id(), elkNode);
    return elkNode;
  }

  private static Map<String, ElkEdge> createEdges(
      LayoutRequest request, Map<String, ElkNode> elkNodes) {
    Map<String, ElkEdge> elkEdges = new LinkedHashMap<>();
    for (LayoutRequest.Edge edge : request.edges()) {
      ElkNode source = endpoint(elkNodes, edge, edge.source());
      ElkNode target = endpoint(elkNodes, edge, edge.target());
      if (elkEdges.containsKey(edge.id())) {
        throw new IllegalArgumentException("Edge id '" + edge.id() + "' appears twice");
      }
      elkEdges.put(edge.id(), ElkGraphUtil.createSimpleEdge(source, target));
    }
    return elkEdges;
  }

  private static ElkNode endpoint(Map<String, ElkNode> nodes, LayoutRequest.Edge edge, String id) {
    ElkNode node = nodes.get(id);
    if (node == null) {
      throw new IllegalArgumentException(
          "Edge '" + edge.id() + "' names node '" + id + "', which is not in the graph");
    }
    return node;
  }

  private static LayoutResult result(
      ElkNode root, Map<String, ElkNode> elkNodes, Map<String, ElkEdge> elkEdges, long millis) {
    Map<String, Point> positions = new HashMap<>();
    Map<String, Point> sizes = new HashMap<>();
    for (Map.Entry<String, ElkNode> entry : elkNodes.entrySet()) {
      ElkNode node = entry.getValue();
      double[] origin = absoluteOrigin(node.getParent());
      positions.put(
          entry.getKey(),
          new Point(
              origin[0] + node.getX() + node.getWidth() / 2,
              origin[1] + node.getY() + node.getHeight() / 2));
      sizes.put(entry.getKey(), new Point(node.getWidth(), node.getHeight()));
    }
    Map<String, List<Point>> routes = new HashMap<>();
    for (Map.Entry<String, ElkEdge> entry : elkEdges.entrySet()) {
      routes.put(entry.getKey(), route(entry.getValue()));
    }
    return new LayoutResult(positions, sizes, routes, root.getWidth(), root.getHeight(), millis);
  }

  /** ELK gives coordinates relative to the parent: sums the offsets of the enclosing groups. */
  private static double[] absoluteOrigin(ElkNode parent) {
    double x = 0;
    double y = 0;
    for (ElkNode n = parent; n != null && n.getParent() != null; n = n.getParent()) {
      x += n.getX();
      y += n.getY();
    }
    return new double[] {x, y};
  }

  private static List<Point> route(ElkEdge edge) {
    List<Point> points = new ArrayList<>();
    if (edge.getSections().isEmpty()) {
      return points;
    }
    // Edge coordinates are relative to the edge's containing node.
    double[] origin = absoluteOrigin(edge.getContainingNode());
    for (ElkEdgeSection section : edge.getSections()) {
      points.add(new Point(origin[0] + section.getStartX(), origin[1] + section.getStartY()));
      for (ElkBendPoint bend : section.getBendPoints()) {
        points.add(new Point(origin[0] + bend.getX(), origin[1] + bend.getY()));
      }
      points.add(new Point(origin[0] + section.getEndX(), origin[1] + section.getEndY()));
    }
    return points;
  }
}

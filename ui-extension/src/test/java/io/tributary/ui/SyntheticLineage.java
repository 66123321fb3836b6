package io.tributary.ui;

import io.tributary.server.layout.LayoutRequest;
import java.util.ArrayList;
import java.util.List;

/** Deterministic lineage-shaped graphs: layers of topics joined by jobs, fan-in and fan-out. */
final class SyntheticLineage {
  private SyntheticLineage() {}

  static LayoutRequest layoutRequest(int nodeCount) {
    List<LayoutRequest.Node> nodes = new ArrayList<>();
    List<LayoutRequest.Edge> edges = new ArrayList<>();
    int width = Math.max(2, (int) Math.sqrt(nodeCount / 2.0));
    for (int i = 0; i < nodeCount; i++) {
      nodes.add(new LayoutRequest.Node("n" + i, 140, 36));
      if (i >= width) {
        edges.add(new LayoutRequest.Edge(null, "n" + (i - width), "n" + i));
        if (i % 3 == 0) {
          int other = i - width - 1 - (i % width);
          if (other >= 0 && other != i - width) {
            edges.add(new LayoutRequest.Edge(null, "n" + other, "n" + i));
          }
        }
      }
    }
    return new LayoutRequest(nodes, edges, null);
  }
}

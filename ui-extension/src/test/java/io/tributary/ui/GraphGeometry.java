package io.tributary.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the explorer's Cytoscape drew its nodes, in rendered pixels of the graph's viewport: each
 * node that is not a frame (members, super-nodes, the focus) with the group frame it sits in, and
 * the group frames. For checking that a layout keeps nodes apart and within the view.
 */
record GraphGeometry(double width, double height, double zoom, List<Box> nodes, List<Box> groups) {

  /** A node's or frame's rendered bounding box; {@code parent} is its group frame, if any. */
  record Box(String id, String parent, double x1, double y1, double x2, double y2) {
    boolean overlaps(Box o) {
      return x1 < o.x2 && o.x1 < x2 && y1 < o.y2 && o.y1 < y2;
    }

    boolean within(double w, double h) {
      return x1 >= 0 && y1 >= 0 && x2 <= w && y2 <= h;
    }
  }

  /** What the graph of {@code browser}'s explorer draws now. */
  static GraphGeometry of(Browser browser) {
    Object text =
        browser.js(
            "const cy = window.__tributary.view.cy;"
                + "const box = (n, labels) => { const b = n.renderedBoundingBox("
                + "{includeLabels: labels, includeOverlays: false, includeUnderlays: false});"
                + " return {id: n.id(), parent: n.data('parent') || null,"
                + " x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2}; };"
                + "const shown = cy.nodes().filter((n) => n.visible());"
                + "return JSON.stringify({width: cy.width(), height: cy.height(), zoom: cy.zoom(),"
                + " nodes: shown.filter((n) => !n.isParent()).map((n) => box(n, false)),"
                + " groups: shown.filter('.group').map((n) => box(n, true))});");
    try {
      JsonNode g = UiServer.JSON.readTree(String.valueOf(text));
      return new GraphGeometry(
          g.path("width").asDouble(),
          g.path("height").asDouble(),
          g.path("zoom").asDouble(),
          boxes(g.path("nodes")),
          boxes(g.path("groups")));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Box> boxes(JsonNode list) {
    List<Box> out = new ArrayList<>();
    for (JsonNode b : list) {
      out.add(
          new Box(
              b.path("id").asText(),
              b.path("parent").isNull() ? null : b.path("parent").asText(),
              b.path("x1").asDouble(),
              b.path("y1").asDouble(),
              b.path("x2").asDouble(),
              b.path("y2").asDouble()));
    }
    return out;
  }

  List<Box> membersOf(String group) {
    return nodes.stream().filter(b -> group.equals(b.parent())).toList();
  }

  Box group(String id) {
    return groups.stream()
        .filter(b -> b.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group frame " + id + " drawn"));
  }

  /**
   * No two nodes overlap, no node outside a group's frame lies on it, no two frames overlap, and
   * every node and frame is inside the viewport.
   */
  void assertApartAndInView() {
    for (int i = 0; i < nodes.size(); i++) {
      Box a = nodes.get(i);
      assertThat(a.within(width, height)).as("%s inside %sx%s", a, width, height).isTrue();
      for (int j = i + 1; j < nodes.size(); j++) {
        assertThat(a.overlaps(nodes.get(j))).as("%s overlaps %s", a, nodes.get(j)).isFalse();
      }
      for (Box g : groups) {
        if (!g.id().equals(a.parent())) {
          assertThat(a.overlaps(g)).as("%s lies on the frame %s", a, g).isFalse();
        }
      }
    }
    for (int i = 0; i < groups.size(); i++) {
      Box a = groups.get(i);
      assertThat(a.within(width, height)).as("%s inside %sx%s", a, width, height).isTrue();
      for (int j = i + 1; j < groups.size(); j++) {
        assertThat(a.overlaps(groups.get(j))).as("%s overlaps %s", a, groups.get(j)).isFalse();
      }
    }
  }
}

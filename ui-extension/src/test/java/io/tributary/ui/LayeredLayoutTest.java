package io.tributary.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.server.layout.LayeredLayout;
import io.tributary.server.layout.LayoutRequest;
import io.tributary.server.layout.LayoutRequest.Edge;
import io.tributary.server.layout.LayoutRequest.Node;
import io.tributary.server.layout.LayoutResult;
import io.tributary.server.layout.LayoutResult.Point;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {
  private final LayeredLayout layout = new LayeredLayout(10_000);

  @Test
  void shouldPlaceEachHopOfAChainInALaterLayer() {
    LayoutResult result =
        layout.layout(
            new LayoutRequest(
                List.of(
                    new Node("in", 100, 30), new Node("job", 100, 30), new Node("out", 100, 30)),
                List.of(new Edge(null, "in", "job"), new Edge(null, "job", "out")),
                null));

    assertThat(result.positions().get("in").x()).isLessThan(result.positions().get("job").x());
    assertThat(result.positions().get("job").x()).isLessThan(result.positions().get("out").x());
    assertThat(result.routes().get("in->job")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(result.width()).isGreaterThan(300);
  }

  @Test
  void shouldLayOutTopToBottomWhenAskedForDown() {
    LayoutResult result =
        layout.layout(
            new LayoutRequest(
                List.of(new Node("a", 100, 30), new Node("b", 100, 30)),
                List.of(new Edge("e", "a", "b")),
                new LayoutRequest.Options("down", 0, 0)));

    assertThat(result.positions().get("a").y()).isLessThan(result.positions().get("b").y());
  }

  @Test
  void shouldKeepNodesOfOneLayerApart() {
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    nodes.add(new Node("job", 80, 30));
    for (int i = 0; i < 20; i++) {
      nodes.add(new Node("out" + i, 80, 30));
      edges.add(new Edge(null, "job", "out" + i));
    }

    LayoutResult result = layout.layout(new LayoutRequest(nodes, edges, null));

    List<Double> ys =
        nodes.subList(1, nodes.size()).stream()
            .map(n -> result.positions().get(n.id()).y())
            .sorted()
            .toList();
    for (int i = 1; i < ys.size(); i++) {
      assertThat(ys.get(i) - ys.get(i - 1)).isGreaterThanOrEqualTo(30);
    }
  }

  @Test
  void shouldEncloseGroupMembersInTheirGroup() {
    LayoutResult result =
        layout.layout(
            new LayoutRequest(
                List.of(
                    new Node("prod", 10, 10),
                    new Node("a", 100, 30, "prod"),
                    new Node("b", 100, 30, "prod"),
                    new Node("c", 100, 30)),
                List.of(new Edge(null, "a", "b"), new Edge(null, "b", "c")),
                null));

    Point group = result.positions().get("prod");
    Point size = result.sizes().get("prod");
    for (String member : List.of("a", "b")) {
      Point p = result.positions().get(member);
      assertThat(p.x()).isBetween(group.x() - size.x() / 2, group.x() + size.x() / 2);
      assertThat(p.y()).isBetween(group.y() - size.y() / 2, group.y() + size.y() / 2);
    }
    assertThat(result.positions().get("c").x()).isGreaterThan(result.positions().get("b").x());
  }

  @Test
  void shouldNameTheMissingNodeOfAnEdge() {
    LayoutRequest request =
        new LayoutRequest(
            List.of(new Node("a", 10, 10)), List.of(new Edge("e1", "a", "ghost")), null);

    assertThatThrownBy(() -> layout.layout(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ghost'")
        .hasMessageContaining("'e1'");
  }

  @Test
  void shouldRejectAGraphAboveTheLimit() {
    LayeredLayout small = new LayeredLayout(2);
    LayoutRequest request =
        new LayoutRequest(
            List.of(new Node("a", 10, 10), new Node("b", 10, 10), new Node("c", 10, 10)),
            List.of(),
            null);

    assertThatThrownBy(() -> small.layout(request)).hasMessageContaining("3 nodes");
  }

  @Test
  void shouldRejectAnUnknownDirection() {
    assertThatThrownBy(() -> new LayoutRequest.Options("sideways", 1, 1))
        .hasMessageContaining("'SIDEWAYS'");
  }

  @Test
  void shouldLayOutAFiveThousandNodeLineageGraph() {
    LayoutRequest request = SyntheticLineage.layoutRequest(5_000);

    LayoutResult result = layout.layout(request);

    assertThat(result.positions()).hasSize(5_000);
    assertThat(result.positions().values()).allMatch(p -> Double.isFinite(p.x()));
  }

  @Test
  void shouldLayOutALongChainFromAThreadWithASmallStack() throws Exception {
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      nodes.add(new Node("n" + i, 100, 30));
      if (i > 0) {
        edges.add(new Edge(null, "n" + (i - 1), "n" + i));
      }
    }
    LayoutRequest request = new LayoutRequest(nodes, edges, null);
    java.util.concurrent.atomic.AtomicReference<Object> outcome =
        new java.util.concurrent.atomic.AtomicReference<>();
    // A server worker's stack: ELK's recursive component walk overflowed it before.
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                outcome.set(layout.layout(request));
              } catch (RuntimeException | Error e) {
                outcome.set(e);
              }
            },
            "small-stack",
            256 * 1024);
    small.start();
    small.join();

    assertThat(outcome.get()).isInstanceOf(LayoutResult.class);
    assertThat(((LayoutResult) outcome.get()).positions()).hasSize(5_000);
  }
}

package io.tributary.ui;

import static io.tributary.ui.LineageEvents.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The 3D lineage view in headless Chromium (software WebGL): switched to from the explorer and kept
 * in the URL, the same lineage as the explorer's query, drawn, a node found and flown to, selected
 * and opened by clicks, and a new job offered rather than inserted. Screenshots go to {@code
 * target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Lineage3dIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static ExplorerSession session;
  private static UiServer server;
  private static Browser browser;
  private static String orders;
  private static String enriched;
  private static String alerts;

  @BeforeAll
  static void start() {
    session = ExplorerSession.start(1440, 900);
    server = session.server();
    browser = session.browser();
    orders = server.guid("kafka_topic", topic("orders"));
    enriched = server.guid("kafka_topic", topic("enriched_orders"));
    alerts = server.guid("kafka_topic", topic("alerts"));
  }

  @AfterAll
  static void stop() {
    if (session != null) {
      session.close();
    }
  }

  private static void open(String hash) {
    session.open(hash);
  }

  private static String data(String name) {
    Object v =
        browser.js(
            "const e = document.querySelector('tb-lineage-3d'); return e ? e.dataset[arguments[0]] : null;",
            name);
    return v == null ? null : v.toString();
  }

  private static void awaitReady(String focus) {
    await().atMost(WAIT).until(() -> "true".equals(data("ready")) && focus.equals(data("focus")));
  }

  private static void awaitStill() {
    await().atMost(WAIT).until(() -> !"true".equals(data("flying")));
  }

  /** Pixels of the canvas that differ from its background (its top-left corner). */
  private static long drawnPixels() {
    return ((Number)
            browser.js(
                "const src = document.querySelector('tb-lineage-3d canvas');"
                    + "const c = document.createElement('canvas'); c.width = src.width; c.height = src.height;"
                    + "const g = c.getContext('2d'); g.drawImage(src, 0, 0);"
                    + "const d = g.getImageData(0, 0, c.width, c.height).data; let n = 0;"
                    + "for (let i = 0; i < d.length; i += 4) {"
                    + "  if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 30) n++; }"
                    + "return n;"))
        .longValue();
  }

  private static void clickCanvas(double fx, double fy, boolean twice) {
    WebElement canvas = browser.driver.findElement(By.cssSelector("tb-lineage-3d canvas"));
    browser.js("arguments[0].scrollIntoView({block: 'center'})", canvas);
    int w = canvas.getSize().getWidth();
    int h = canvas.getSize().getHeight();
    Actions a =
        new Actions(browser.driver)
            .moveToElement(canvas, (int) (w * fx - w / 2.0), (int) (h * fy - h / 2.0));
    (twice ? a.doubleClick() : a.click()).perform();
  }

  /** The 2D explorer's snapshot (page-probe.js), or null while it has none. */
  private static JsonNode graph2d() {
    return session.graph();
  }

  private static JsonNode await2d(String focus) {
    session.awaitReady(focus, WAIT);
    return graph2d();
  }

  private static long visible2d(JsonNode g) {
    long n = 0;
    for (JsonNode node : g.path("nodes")) {
      if (node.path("visible").asBoolean()) {
        n++;
      }
    }
    return n;
  }

  private static void click2dNode(String guid) {
    @SuppressWarnings("unchecked")
    List<Number> at =
        (List<Number>)
            browser.js(
                "const v = window.__tributary.view;"
                    + "v.querySelector('.graph-canvas').scrollIntoView({block: 'center'});"
                    + "v.cy.center(v.cy.getElementById(arguments[0]));"
                    + "const p = v.cy.getElementById(arguments[0]).renderedPosition();"
                    + "const r = v.querySelector('.graph-canvas .cy').getBoundingClientRect();"
                    + "return [r.left + p.x, r.top + p.y];",
                guid);
    new Actions(browser.driver)
        .moveToLocation(at.get(0).intValue(), at.get(1).intValue())
        .click()
        .perform();
  }

  /** Clicks the 2D / 3D switch as a user would, after scrolling back up to it. */
  private static void switchTo(String id) {
    WebElement link = browser.driver.findElement(By.id(id));
    browser.js("arguments[0].scrollIntoView({block: 'center'})", link);
    link.click();
  }

  private static String hash() {
    return String.valueOf(browser.js("return location.hash"));
  }

  @Test
  @Order(1)
  void theExplorerSwitchesTo3dAndTheUrlKeepsIt() {
    open("#/entity/" + orders + "/lineage?depth=3");
    await().atMost(WAIT).until(() -> !browser.driver.findElements(By.id("view-3d")).isEmpty());
    browser.driver.findElement(By.id("view-3d")).click();
    await()
        .atMost(WAIT)
        .until(() -> String.valueOf(browser.js("return location.hash")).contains("view=3d"));
    assertThat(String.valueOf(browser.js("return location.hash"))).contains("depth=3");
    awaitReady(orders);

    open("#/entity/" + orders + "/lineage?depth=3&view=3d");
    awaitReady(orders);
    assertThat(browser.driver.findElements(By.cssSelector("tb-lineage-graph"))).isEmpty();
    browser.driver.findElement(By.id("view-2d")).click();
    await()
        .atMost(WAIT)
        .until(() -> !browser.driver.findElements(By.cssSelector("tb-lineage-graph")).isEmpty());
    assertThat(String.valueOf(browser.js("return location.hash"))).doesNotContain("view=3d");
  }

  @Test
  @Order(2)
  void theViewDrawsTheSameLineageAsTheExplorersQuery() {
    open("#/entity/" + orders + "/lineage?depth=3&view=3d");
    awaitReady(orders);
    var lineage = server.json("api/v1/lineage/" + orders + "?direction=BOTH&depth=3&level=DATASET");
    int nodes = lineage.path("nodes").size();
    assertThat(nodes).isGreaterThan(4);
    assertThat(Integer.parseInt(data("nodes"))).isEqualTo(nodes);
    assertThat(Integer.parseInt(data("edges"))).isEqualTo(lineage.path("edges").size());
    assertThat(Integer.parseInt(data("layers"))).isGreaterThanOrEqualTo(3);
    assertThat(Integer.parseInt(data("namespaces"))).isGreaterThanOrEqualTo(2);
    await().atMost(WAIT).until(() -> drawnPixels() > 500);
    browser.screenshot("3d-01-orders-1440");
  }

  @Test
  @Order(3)
  void aSearchedNodeIsFlownToAndAClickSelectsAndOpensIt() {
    open("#/entity/" + orders + "/lineage?depth=3&view=3d");
    awaitReady(orders);
    WebElement search = browser.driver.findElement(By.id("l3d-search"));
    search.sendKeys("alerts");
    search.sendKeys(Keys.ENTER);
    await().atMost(WAIT).until(() -> alerts.equals(data("selected")));
    awaitStill();
    assertThat(browser.driver.findElement(By.cssSelector(".l3d-label")).getText())
        .isEqualTo("alerts");
    browser.screenshot("3d-02-flown-to-alerts-1440");

    clickCanvas(0.03, 0.06, false);
    await().atMost(WAIT).until(() -> "".equals(data("selected")));
    // The node flown to sits in the middle of the view.
    clickCanvas(0.5, 0.5, false);
    await().atMost(WAIT).until(() -> alerts.equals(data("selected")));
    assertThat(browser.driver.findElement(By.id("l3d-open")).getText()).contains("alerts");
    clickCanvas(0.5, 0.5, true);
    await()
        .atMost(WAIT)
        .until(
            () ->
                String.valueOf(browser.js("return location.hash"))
                    .startsWith("#/entity/" + alerts));
  }

  @Test
  @Order(4)
  void aNewJobIsOfferedNotInserted() {
    open("#/entity/" + enriched + "/lineage?view=3d");
    awaitReady(enriched);
    int before = Integer.parseInt(data("nodes"));
    await()
        .atMost(WAIT)
        .until(() -> browser.js("return window.__tributary.feed.connected").equals(true));

    server.ingest(LineageEvents.audit());

    await().atMost(WAIT).until(() -> !browser.driver.findElements(By.id("l3d-refresh")).isEmpty());
    assertThat(Integer.parseInt(data("nodes"))).isEqualTo(before);
    browser.driver.findElement(By.id("l3d-refresh")).click();
    await()
        .atMost(WAIT)
        .until(() -> "true".equals(data("ready")) && Integer.parseInt(data("nodes")) > before);
  }

  @Test
  @Order(5)
  void onAPhoneTheViewFitsTheScreen() {
    browser.emulatePhone(390, 844);
    try {
      open("#/entity/" + orders + "/lineage?depth=3&view=3d");
      awaitReady(orders);
      await().atMost(WAIT).until(() -> drawnPixels() > 200);
      Object overflow =
          browser.js("return document.documentElement.scrollWidth > window.innerWidth + 1");
      assertThat(overflow).isEqualTo(false);
      browser.screenshot("3d-03-orders-390");
    } finally {
      browser.stopEmulation();
    }
  }

  @Test
  @Order(6)
  void depthFiltersAndSelectionCrossBetween2dAnd3dBothWays() {
    open("#/entity/" + orders + "/lineage?depth=3&direction=DOWNSTREAM");
    await2d(orders);
    // Datasets only, and only topics: set in the 2D explorer by hand, as a user would.
    browser.driver.findElement(By.id("lg-datasets-only")).click();
    browser.driver.findElement(By.cssSelector("details.filters > summary")).click();
    browser.driver.findElements(By.cssSelector("fieldset[data-facet=type] label")).stream()
        .filter(l -> l.getText().trim().equals("kafka_topic"))
        .findFirst()
        .orElseThrow()
        .findElement(By.tagName("input"))
        .click();
    await().atMost(WAIT).until(() -> graph2d().path("datasetsOnly").asBoolean());
    await().atMost(WAIT).until(() -> hash().contains("f.type="));
    JsonNode g = await2d(orders);
    click2dNode(enriched);
    await().atMost(WAIT).until(() -> enriched.equals(graph2d().path("selected").asText()));
    long shown = visible2d(graph2d());
    assertThat(shown).isGreaterThan(2).isLessThan(g.path("nodes").size());

    switchTo("view-3d");
    awaitReady(orders);
    assertThat(hash()).contains("view=3d", "depth=3", "direction=DOWNSTREAM", "datasets=1");
    // The 3D view draws what the explorer showed: same nodes, jobs folded away, same selection.
    assertThat(Long.parseLong(data("nodes"))).isEqualTo(shown);
    assertThat(Integer.parseInt(data("hidden"))).isPositive();
    assertThat(data("selected")).isEqualTo(enriched);
    assertThat(browser.driver.findElement(By.id("l3d-open")).getText()).contains("enriched_orders");
    browser.screenshot("3d-04-filtered-from-2d-1440");

    WebElement search = browser.driver.findElement(By.id("l3d-search"));
    search.sendKeys("alerts");
    search.sendKeys(Keys.ENTER);
    await().atMost(WAIT).until(() -> alerts.equals(data("selected")));
    await().atMost(WAIT).until(() -> hash().contains("sel=" + alerts));

    switchTo("view-2d");
    JsonNode back = await2d(orders);
    await().atMost(WAIT).until(() -> alerts.equals(graph2d().path("selected").asText()));
    back = graph2d();
    assertThat(back.path("settings").path("depth").asInt()).isEqualTo(3);
    assertThat(back.path("settings").path("direction").asText()).isEqualTo("DOWNSTREAM");
    assertThat(back.path("datasetsOnly").asBoolean()).isTrue();
    assertThat(visible2d(back)).isEqualTo(shown);
    assertThat(hash()).doesNotContain("view=3d").contains("f.type=");
  }

  @Test
  @Order(7)
  void anExpansionMadeIn2dIsReplayedIn3dSoBothShowTheSameNodes() {
    open("#/entity/" + orders + "/lineage?direction=DOWNSTREAM");
    JsonNode before = await2d(orders);
    assertThat(before.path("nodes").findValuesAsText("guid"))
        .contains(enriched)
        .doesNotContain(alerts);

    // Downstream of enriched_orders, by hand: select it and press ].
    click2dNode(enriched);
    await().atMost(WAIT).until(() -> enriched.equals(graph2d().path("selected").asText()));
    WebElement canvas = browser.driver.findElement(By.cssSelector(".graph-canvas"));
    browser.js("arguments[0].focus()", canvas);
    canvas.sendKeys("]");
    await().atMost(WAIT).until(() -> hash().contains("ops="));
    await()
        .atMost(WAIT)
        .until(
            () ->
                graph2d().path("nodes").findValuesAsText("guid").contains(alerts)
                    && !graph2d().path("busy").asBoolean());
    long shown = visible2d(graph2d());
    assertThat(shown).isGreaterThan(visible2d(before));

    switchTo("view-3d");
    awaitReady(orders);
    assertThat(Long.parseLong(data("nodes"))).isEqualTo(shown);
    assertThat(data("selected")).isEqualTo(enriched);
    browser.screenshot("3d-05-expanded-in-2d-1440");

    // A reload of the 3D view replays the same steps.
    browser.driver.navigate().refresh();
    awaitReady(orders);
    assertThat(Long.parseLong(data("nodes"))).isEqualTo(shown);
    assertThat(data("selected")).isEqualTo(enriched);
  }

  @Test
  @Order(8)
  void aDashboardsLineageWidgetsIn2dAnd3dShowANewDownstreamJobLiveAndItsLag() throws Exception {
    String body =
        "{\"title\":\"Enriched orders\",\"widgets\":["
            + "{\"id\":\"l2\",\"type\":\"lineage\",\"x\":0,\"y\":0,\"w\":6,\"h\":6,"
            + "\"config\":{\"guid\":\""
            + enriched
            + "\",\"depth\":1,\"view\":\"2d\"}},"
            + "{\"id\":\"l3\",\"type\":\"lineage\",\"x\":6,\"y\":0,\"w\":6,\"h\":6,"
            + "\"config\":{\"guid\":\""
            + enriched
            + "\",\"depth\":1,\"view\":\"3d\"}},"
            + "{\"id\":\"health\",\"type\":\"streaming-health\",\"x\":0,\"y\":6,\"w\":12,"
            + "\"h\":5,\"config\":{\"staleMinutes\":60}}]}";
    var created = server.post("api/v1/dashboards", body);
    assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(201);
    String id = UiServer.JSON.readTree(created.body()).path("id").asText();

    open("#/dashboards/" + id);
    String mini = "[data-widget=l2] svg.mini-lineage";
    String cube = "[data-widget=l3] tb-lineage-3d";
    await().atMost(WAIT).until(() -> !browser.driver.findElements(By.cssSelector(mini)).isEmpty());
    await()
        .atMost(WAIT)
        .until(
            () ->
                "true"
                    .equals(
                        browser.js(
                            "const e = document.querySelector(arguments[0]);"
                                + " return e ? e.dataset.ready : null;",
                            cube)));
    int before2d = Integer.parseInt(attr(mini, "data-nodes"));
    int before3d = Integer.parseInt(attr(cube, "data-nodes"));
    assertThat(before3d).isEqualTo(before2d);
    assertThat(text(mini)).doesNotContain("archive-orders");
    await()
        .atMost(WAIT)
        .until(() -> browser.js("return window.__tributary.feed.connected").equals(true));

    // A new job downstream of the entity, consuming it and reporting how far behind it is.
    String lag =
        "\"tributary_streaming_metrics\":{\"_producer\":\"https://github.com/tributary/tests\","
            + "\"_schemaURL\":\"https://tributary.io/spec/facets/1-0-0/"
            + "TributaryStreamingMetricsRunFacet.json#/$defs/TributaryStreamingMetricsRunFacet\","
            + "\"totalLag\":1500,\"lagByTopic\":{\"enriched_orders\":1500},"
            + "\"lagByPartition\":{\"enriched_orders-0\":1200,\"enriched_orders-1\":300}}";
    server.ingest(
        LineageEvents.run(
            "RUNNING",
            java.time.Instant.now().toString(),
            LineageEvents.runId("archive-1"),
            "streaming",
            "archive-orders",
            "FLINK",
            List.of(LineageEvents.dataset(LineageEvents.KAFKA, "enriched_orders", "")),
            List.of(LineageEvents.dataset(LineageEvents.KAFKA, "orders_archive", "")),
            lag));

    await().atMost(WAIT).until(() -> Integer.parseInt(attr(mini, "data-nodes")) > before2d);
    assertThat(text(mini)).contains("archive-orders");
    await()
        .atMost(WAIT)
        .until(
            () ->
                Integer.parseInt(attr(cube, "data-nodes")) > before3d
                    && "true".equals(attr(cube, "data-ready")));
    assertThat(Integer.parseInt(attr(cube, "data-nodes")))
        .isEqualTo(Integer.parseInt(attr(mini, "data-nodes")));
    await()
        .atMost(WAIT)
        .until(
            () ->
                !browser
                    .driver
                    .findElements(By.cssSelector("[data-widget=health] td[data-lag='1500']"))
                    .isEmpty());
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("[data-widget=health] td[data-lag='1500']"))
                .getText())
        .contains("1,500")
        .contains("enriched_orders-0 1,200");
    browser.screenshot("3d-06-dashboard-lineage-widgets-1440");

    // The job's page shows the lag of its run, partition by partition.
    String archiver = server.guid("flink_application", "streaming/archive-orders");
    open("#/entity/" + archiver + "/runs");
    await()
        .atMost(WAIT)
        .until(
            () -> !browser.driver.findElements(By.cssSelector("[data-testid=run-lag]")).isEmpty());
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=run-lag]")).getText())
        .contains("1,500 records behind")
        .contains("enriched_orders-0: 1,200");

    browser.emulatePhone(390, 844);
    try {
      open("#/dashboards/" + id);
      await()
          .atMost(WAIT)
          .until(() -> !browser.driver.findElements(By.cssSelector(mini)).isEmpty());
      await().atMost(WAIT).until(() -> "true".equals(attr(cube, "data-ready")));
      assertThat(browser.js("return document.documentElement.scrollWidth > window.innerWidth + 1"))
          .isEqualTo(false);
      browser.screenshot("3d-07-dashboard-lineage-widgets-390");
    } finally {
      browser.stopEmulation();
    }
  }

  private static String attr(String css, String name) {
    Object v =
        browser.js(
            "const e = document.querySelector(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;",
            css,
            name);
    return v == null ? "0" : v.toString();
  }

  private static String text(String css) {
    Object v =
        browser.js(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", css);
    return String.valueOf(v);
  }
}

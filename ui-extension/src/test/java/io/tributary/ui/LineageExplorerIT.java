package io.tributary.ui;

import static io.tributary.ui.LineageEvents.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in headless Chromium against a real catalog server fed with OpenLineage events:
 * search, entity pages, the lineage graph (expand, columns, path, impact, filters, grouping,
 * layouts, live updates), themes, exports, and a phone-sized screen. Screenshots of each state go
 * to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LineageExplorerIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static ExplorerSession session;
  private static UiServer server;
  private static Browser browser;
  private static String orders;
  private static String enriched;
  private static String postgres;
  private static String alerts;
  private static String enrich;

  @BeforeAll
  static void start() {
    session = ExplorerSession.start(1400, 900);
    server = session.server();
    browser = session.browser();
    orders = server.guid("kafka_topic", topic("orders"));
    enriched = server.guid("kafka_topic", topic("enriched_orders"));
    alerts = server.guid("kafka_topic", topic("alerts"));
    postgres = server.guid("openlineage_dataset", LineageEvents.POSTGRES + "/shop.public.orders");
    enrich = server.guid("flink_application", "streaming/enrich-orders");
  }

  @AfterAll
  static void stop() {
    if (session != null) {
      session.close();
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static void open(String hash) {
    session.open(hash);
  }

  private static JsonNode graph() {
    return session.graph();
  }

  /** Waits until the graph around {@code focus} is laid out, drawn and idle. */
  private static JsonNode awaitGraph(String focus) {
    try {
      awaitReady(focus);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      browser.screenshot("failed-waiting-for-" + focus);
      throw new AssertionError("graph of " + focus + " not ready; last state: " + graph(), e);
    }
    return graph();
  }

  private static void awaitReady(String focus) {
    awaitReady(focus, WAIT);
  }

  private static void awaitReady(String focus, Duration wait) {
    session.awaitReady(focus, wait);
  }

  private static void awaitIdle() {
    await().atMost(WAIT).until(() -> !graph().path("busy").asBoolean());
  }

  private static Set<String> nodeGuids(JsonNode g) {
    return StreamSupport.stream(g.path("nodes").spliterator(), false)
        .map(n -> n.path("guid").asText())
        .collect(Collectors.toSet());
  }

  private static Set<String> edges(JsonNode g) {
    return StreamSupport.stream(g.path("edges").spliterator(), false)
        .map(e -> e.path("from").asText() + "->" + e.path("to").asText())
        .collect(Collectors.toSet());
  }

  private static JsonNode node(JsonNode g, String guid) {
    for (JsonNode n : g.path("nodes")) {
      if (n.path("guid").asText().equals(guid)) {
        return n;
      }
    }
    throw new AssertionError("node " + guid + " is not in the graph: " + nodeGuids(g));
  }

  private static String guidByName(JsonNode g, String name) {
    for (JsonNode n : g.path("nodes")) {
      if (n.path("name").asText().equals(name)) {
        return n.path("guid").asText();
      }
    }
    throw new AssertionError("no node named " + name + " in " + g.path("nodes"));
  }

  /** Clicks a node where Cytoscape drew it, as a user would. */
  private static void clickNode(String guid) {
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
    await().atMost(WAIT).until(() -> graph().path("selected").asText().equals(guid));
  }

  private static void press(String buttonId) {
    WebElement button = browser.driver.findElement(By.id(buttonId));
    browser.js("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
  }

  // ---- tests ------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void shouldShowLiveActivityAndCountsOnTheHomePage() {
    open("#/");

    await()
        .atMost(WAIT)
        .until(
            () ->
                !browser
                    .driver
                    .findElements(By.cssSelector("[data-testid=counts] .count"))
                    .isEmpty());
    String counts = browser.driver.findElement(By.cssSelector("[data-testid=counts]")).getText();
    assertThat(counts).contains("kafka_topic").contains("flink_application");
    // The home page starts from pipelines and jobs, each a link to its lineage.
    await()
        .atMost(WAIT)
        .until(
            () -> !browser.driver.findElements(By.cssSelector("[data-testid=jobs] a")).isEmpty());
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=jobs]")).getText())
        .contains("enrich-orders", "alerting", "orders-cdc");
    assertThat(
            browser.driver.findElement(By.cssSelector("[data-testid=jobs] a")).getAttribute("href"))
        .contains("/lineage");
    await()
        .atMost(WAIT)
        .until(() -> browser.js("return window.__tributary.feed.connected").equals(true));
    browser.screenshot("01-home");
  }

  @Test
  @Order(2)
  void shouldKeepCreationsListedAndCountRoutineUpdatesOnTheHomePage() {
    open("#/");
    await()
        .atMost(WAIT)
        .until(() -> browser.js("return window.__tributary.feed.connected").equals(true));
    io.tributary.testkit.events.LineageEvents job =
        io.tributary.testkit.events.LineageEvents.job("home-newcomer")
            .output(io.tributary.testkit.events.TestDataset.topic("home-news"));
    server.ingest(job.start().json());
    java.time.Instant started = java.time.Instant.now();
    for (int i = 1; i <= 5; i++) {
      // Each snapshot later than the last: a repeat of the same snapshot changes nothing.
      server.ingest(job.at(started.plusSeconds(i)).running().json());
    }

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(text("updates-summary"))
                    .matches(
                        "(?s)[1-9]\\d* updates? to [1-9]\\d* entit(y|ies) in the last minute.*"));
    assertThat(text("activity"))
        .contains("entity created")
        .contains("home-news")
        .doesNotContain("entity updated");

    browser.driver.findElement(By.cssSelector("[data-testid=show-updates]")).click();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(text("activity")).contains("entity updated", "entity created"));
    browser.screenshot("01-home-updates");
  }

  private static String text(String testId) {
    return browser.driver.findElement(By.cssSelector("[data-testid=" + testId + "]")).getText();
  }

  @Test
  @Order(2)
  void shouldSuggestEntitiesAsTheUserTypesAndOpenTheChosenOne() {
    open("#/");
    WebElement input = browser.driver.findElement(By.cssSelector("tb-search-box input"));
    input.sendKeys("enrich");

    await()
        .atMost(WAIT)
        .until(() -> !browser.driver.findElements(By.cssSelector(".suggestions li")).isEmpty());
    browser.screenshot("02-search-type-ahead");
    assertThat(browser.driver.findElement(By.cssSelector(".suggestions")).getText())
        .contains("enrich-orders");
    input.sendKeys(Keys.ARROW_DOWN);
    assertThat(input.getAttribute("aria-activedescendant")).isNotBlank();
    WebElement target =
        browser.driver.findElements(By.cssSelector(".suggestions li")).stream()
            .filter(
                li ->
                    li.getText().contains("kafka_topic")
                        && li.getText().contains("enriched_orders"))
            .findFirst()
            .orElseThrow();
    new Actions(browser.driver).moveToElement(target).click().perform();

    await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().contains(enriched));
  }

  @Test
  @Order(3)
  void shouldShowTheEntityHeaderAndTabs() {
    open("#/entity/" + enriched + "/schema");

    await()
        .atMost(WAIT)
        .until(
            () ->
                !browser
                    .driver
                    .findElements(By.cssSelector("[data-testid=schema] tr[data-column]"))
                    .isEmpty());
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=qualified-name]")).getText())
        .isEqualTo(topic("enriched_orders"));
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=owners]")).getText())
        .contains("team-orders");
    assertThat(browser.driver.findElements(By.cssSelector("[data-testid=schema] tr[data-column]")))
        .extracting(WebElement::getText)
        .anyMatch(t -> t.startsWith("email"))
        .anyMatch(t -> t.startsWith("total"));
    browser.screenshot("03-entity-schema");

    open("#/entity/" + orders + "/schema");
    await()
        .atMost(WAIT)
        .until(
            () ->
                browser
                    .driver
                    .findElements(By.cssSelector("[data-testid=schema] tr[data-column]"))
                    .stream()
                    .anyMatch(
                        r ->
                            r.getText().contains("customer_email") && r.getText().contains("PII")));

    open("#/entity/" + enrich + "/runs");
    await()
        .atMost(WAIT)
        .until(
            () -> browser.driver.findElements(By.cssSelector("[data-testid=runs] li")).size() >= 2);
    String runs = browser.driver.findElement(By.cssSelector("[data-testid=runs]")).getText();
    assertThat(runs).contains("FAIL").contains("Kafka broker unreachable");
    browser.screenshot("04-entity-runs");

    open("#/entity/" + enriched + "/quality");
    await()
        .atMost(WAIT)
        .until(
            () ->
                !browser
                    .driver
                    .findElements(By.cssSelector("[data-testid=assertions] tr"))
                    .isEmpty());
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=assertions]")).getText())
        .contains("not_null")
        .contains("failed");
    browser.screenshot("05-entity-quality");

    open("#/entity/" + enriched + "/properties");
    await()
        .atMost(WAIT)
        .until(
            () ->
                browser.driver.findElement(By.cssSelector("pre.raw")).getText().contains(enriched));
  }

  @Test
  @Order(10)
  void shouldShowTheFocusedEntityWithItsNeighboursCollapsedByDefault() {
    open("#/entity/" + orders + "/lineage");

    JsonNode g = awaitGraph(orders);
    String cdc = guidByName(g, "orders-cdc");
    assertThat(nodeGuids(g)).contains(orders, postgres, cdc, enrich, enriched);
    assertThat(nodeGuids(g)).doesNotContain(alerts);
    assertThat(edges(g))
        .contains(
            postgres + "->" + cdc,
            cdc + "->" + orders,
            orders + "->" + enrich,
            enrich + "->" + enriched);
    assertThat(g.path("layout").path("engine").asText()).isEqualTo("elk-layered");
    assertThat(g.path("rendered").path("nodes").asInt()).isEqualTo(g.path("nodes").size());
    assertThat(node(g, orders).path("classes").toString()).contains("focus");
    browser.screenshot("10-graph-desktop");
  }

  @Test
  @Order(11)
  void shouldExpandANodeDownstreamAndCollapseItAgain() {
    open("#/entity/" + orders + "/lineage");
    awaitGraph(orders);

    clickNode(enriched);
    press("act-expand-down");
    awaitIdle();

    JsonNode g = graph();
    assertThat(nodeGuids(g)).contains(alerts);
    String alerting = guidByName(g, "alerting");
    assertThat(edges(g)).contains(enriched + "->" + alerting, alerting + "->" + alerts);
    browser.screenshot("11-graph-expanded");

    clickNode(enriched);
    press("act-collapse-down");
    awaitIdle();
    assertThat(nodeGuids(graph())).doesNotContain(alerts, alerting);
  }

  @Test
  @Order(12)
  void shouldOpenADatasetToItsColumnsAndFollowAColumnEdge() {
    open("#/entity/" + orders + "/lineage");
    awaitGraph(orders);

    clickNode(orders);
    press("act-columns");
    awaitIdle();
    JsonNode g = graph();
    String email = guidByName(g, "customer_email");
    assertThat(node(g, email).path("parent").asText()).isEqualTo(orders);
    browser.screenshot("12-graph-columns");

    clickNode(email);
    press("act-follow-column");
    awaitIdle();

    g = graph();
    List<JsonNode> columnEdges = new ArrayList<>();
    g.path("edges")
        .forEach(
            e -> {
              if (e.path("column").asBoolean() && e.path("from").asText().equals(email)) {
                columnEdges.add(e);
              }
            });
    assertThat(columnEdges).isNotEmpty();
    String target = columnEdges.get(0).path("to").asText();
    assertThat(node(g, target).path("name").asText()).isEqualTo("email");
    assertThat(node(g, target).path("parent").asText()).isEqualTo(enriched);
    browser.screenshot("13-graph-column-lineage");
  }

  @Test
  @Order(22)
  void shouldStackColumnsAsRowsInsideTheirDatasetWithColumnEdgesEndingAtTheRows() {
    open("#/entity/" + orders + "/lineage?level=COLUMN");
    awaitGraph(orders);

    @SuppressWarnings("unchecked")
    Map<String, Object> layout =
        (Map<String, Object>)
            browser.js(
                "const cy = window.__tributary.view.cy;"
                    + "const out = {};"
                    + "cy.nodes('.open').forEach(d => {"
                    + "  const rows = d.children('.column').map(c => ({x: c.position('x'),"
                    + "    y: c.position('y'), w: c.width(), h: c.height()}));"
                    + "  const b = d.boundingBox({includeLabels: false});"
                    + "  out[d.id()] = {rows, box: {x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2}};"
                    + "});"
                    + "out.columnEdges = cy.edges('.column').map(e => [e.source().hasClass('column'),"
                    + "  e.target().hasClass('column'), e.source().parent().id() !== e.target().parent().id()]);"
                    + "return out;");
    browser.screenshot("22-graph-column-ports");
    @SuppressWarnings("unchecked")
    Map<String, Object> ordersBox = (Map<String, Object>) layout.get(orders);
    assertThat(ordersBox).as("orders is open to its columns").isNotNull();
    @SuppressWarnings("unchecked")
    List<Map<String, Number>> rows = (List<Map<String, Number>>) ordersBox.get("rows");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
    @SuppressWarnings("unchecked")
    Map<String, Number> box = (Map<String, Number>) ordersBox.get("box");
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Number> r = rows.get(i);
      // One column of rows of one width, each below the last, all inside the dataset's box.
      assertThat(r.get("x").doubleValue())
          .isCloseTo(rows.get(0).get("x").doubleValue(), within(0.5));
      assertThat(r.get("w").doubleValue())
          .isCloseTo(rows.get(0).get("w").doubleValue(), within(0.5));
      if (i > 0) {
        assertThat(r.get("y").doubleValue())
            .isCloseTo(rows.get(i - 1).get("y").doubleValue() + 24, within(0.5));
      }
      assertThat(r.get("y").doubleValue())
          .isBetween(box.get("y1").doubleValue(), box.get("y2").doubleValue());
    }
    @SuppressWarnings("unchecked")
    List<List<Boolean>> columnEdges = (List<List<Boolean>>) layout.get("columnEdges");
    assertThat(columnEdges).isNotEmpty();
    // Column lineage runs row to row between datasets, never from a dataset's corner.
    assertThat(columnEdges).allSatisfy(e -> assertThat(e).containsOnly(true));
  }

  @Test
  @Order(13)
  void shouldHighlightThePathBetweenTwoChosenEntities() {
    open("#/entity/" + enriched + "/lineage?direction=BOTH&depth=3");
    JsonNode g = awaitGraph(enriched);
    assertThat(nodeGuids(g)).contains(postgres, alerts);

    clickNode(postgres);
    press("act-path");
    clickNode(alerts);
    press("act-path");
    awaitIdle();

    g = graph();
    List<String> path = new ArrayList<>();
    g.path("path").path("guids").forEach(n -> path.add(n.asText()));
    assertThat(path).startsWith(postgres).endsWith(alerts).contains(orders, enriched);
    assertThat(node(g, orders).path("classes").toString()).contains("path");
    assertThat(g.path("path").path("edges").size()).isEqualTo(path.size() - 1);
    browser.screenshot("14-graph-path");

    // The ends chosen the other way round find the same path; unrelated ends say so plainly.
    press("act-path"); // alerts is still selected: start from it
    clickNode(postgres);
    press("act-path");
    awaitIdle();
    await().atMost(WAIT).until(() -> graph().path("path").path("guids").size() == path.size());
    String payments = guidByName(graph(), "payments");
    clickNode(payments);
    press("act-path");
    clickNode(orders);
    press("act-path");
    await()
        .atMost(WAIT)
        .until(
            () -> !browser.driver.findElements(By.cssSelector("[data-testid=no-path]")).isEmpty());
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=no-path]")).getText())
        .contains("No path between payments and orders, in either direction");
    assertThat(graph().path("path").isNull()).isTrue();
  }

  @Test
  @Order(14)
  void shouldColourTheImpactOfAnEntityByDistance() {
    open("#/entity/" + orders + "/lineage");
    awaitGraph(orders);

    clickNode(orders);
    press("act-impact");
    awaitIdle();

    JsonNode g = graph();
    assertThat(g.path("impact").path(enriched).asInt()).isPositive();
    assertThat(g.path("impact").has(alerts)).isTrue();
    assertThat(g.path("impact").path(alerts).asInt())
        .isGreaterThan(g.path("impact").path(enriched).asInt());
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=impact]")).getText())
        .contains("alerts");
    browser.screenshot("15-graph-impact");
  }

  @Test
  @Order(15)
  void shouldFilterGroupAndLayOutTheGraphFourWays() {
    open("#/entity/" + orders + "/lineage?depth=3");
    JsonNode g = awaitGraph(orders);

    new Select(browser.driver.findElement(By.id("lg-group"))).selectByValue("namespace");
    awaitIdle();
    await().atMost(WAIT).until(() -> !node(graph(), orders).path("group").isNull());
    assertThat(node(graph(), orders).path("group").asText())
        .isEqualTo("group:" + LineageEvents.KAFKA);
    assertThat(node(graph(), postgres).path("group").asText())
        .isEqualTo("group:" + LineageEvents.POSTGRES);
    browser.screenshot("16-graph-grouped");
    new Select(browser.driver.findElement(By.id("lg-group"))).selectByValue("none");

    for (String layout : List.of("force", "radial", "grid", "layered")) {
      int before = graph().path("layout").path("count").asInt();
      new Select(browser.driver.findElement(By.id("lg-layout"))).selectByValue(layout);
      await().atMost(WAIT).until(() -> graph().path("layout").path("count").asInt() > before);
      awaitIdle();
      browser.screenshot("17-graph-layout-" + layout);
    }
    assertThat(graph().path("layout").path("engine").asText()).isEqualTo("elk-layered");

    browser.driver.findElement(By.cssSelector("details.filters > summary")).click();
    WebElement flink =
        browser.driver.findElements(By.cssSelector("fieldset[data-facet=type] label")).stream()
            .filter(l -> l.getText().trim().equals("flink_application"))
            .findFirst()
            .orElseThrow();
    flink.findElement(By.tagName("input")).click();
    await().atMost(WAIT).until(() -> !node(graph(), postgres).path("visible").asBoolean());
    g = graph();
    assertThat(node(g, enrich).path("visible").asBoolean()).isTrue();
    assertThat(node(g, orders).path("visible").asBoolean()).isTrue(); // the focus always shows
    browser.screenshot("18-graph-filtered");
  }

  @Test
  @Order(16)
  void shouldMarkMoreLineageWithTheServersCountsOnly() {
    open("#/entity/" + orders + "/lineage");
    JsonNode g = awaitGraph(orders);
    // enriched_orders feeds alerting (not shown at depth 1): one more downstream.
    assertThat(node(g, enriched).path("label").asText()).endsWith(" 1▸");
    // A source producer has nothing upstream to offer.
    assertThat(node(g, postgres).path("label").asText()).doesNotStartWith("◂");

    clickNode(enriched);
    press("act-expand-down");
    awaitIdle();
    g = graph();
    assertThat(node(g, enriched).path("label").asText()).doesNotContain("▸");
    // alerts is a sink: no marker although nobody expanded it.
    assertThat(node(g, alerts).path("label").asText()).doesNotContain("▸");
  }

  @Test
  @Order(17)
  void shouldRestoreTheWholeViewFromTheUrlAfterAReload() {
    open("#/entity/" + orders + "/lineage");
    awaitGraph(orders);
    new Select(browser.driver.findElement(By.id("lg-direction"))).selectByValue("DOWNSTREAM");
    awaitGraph(orders);
    await()
        .atMost(WAIT)
        .until(() -> graph().path("settings").path("direction").asText().equals("DOWNSTREAM"));
    awaitIdle();
    clickNode(enriched);
    press("act-expand-down");
    awaitIdle();
    new Select(browser.driver.findElement(By.id("lg-layout"))).selectByValue("grid");
    new Select(browser.driver.findElement(By.id("lg-group"))).selectByValue("namespace");
    browser.driver.findElement(By.id("lg-datasets-only")).click();
    awaitIdle();
    WebElement find = browser.driver.findElement(By.id("lg-find"));
    find.sendKeys("alert");
    await().atMost(WAIT).until(() -> graph().path("hits").size() > 0);
    awaitIdle();
    JsonNode chosen = graph();
    String hash = String.valueOf(browser.js("return location.hash"));
    assertThat(hash)
        .contains("direction=DOWNSTREAM", "layout=grid", "group=namespace", "datasets=1");

    open(hash);
    JsonNode restored = awaitGraph(orders);
    await().atMost(WAIT).until(() -> graph().path("hits").size() > 0);
    awaitIdle();
    restored = graph();
    assertThat(restored.path("settings")).isEqualTo(chosen.path("settings"));
    assertThat(restored.path("datasetsOnly").asBoolean()).isTrue();
    assertThat(nodeGuids(restored)).isEqualTo(nodeGuids(chosen)).contains(alerts);
    assertThat(restored.path("hits")).isEqualTo(chosen.path("hits"));
    assertThat(restored.path("selected").asText()).isEqualTo(chosen.path("selected").asText());
    assertThat(String.valueOf(browser.js("return location.hash"))).isEqualTo(hash);
    browser.screenshot("19-graph-restored-from-url");
  }

  @Test
  @Order(18)
  void shouldFindNodesByAnyPartOfTheirNameAndByLettersInOrder() {
    open("#/entity/" + orders + "/lineage?depth=3");
    awaitGraph(orders);
    WebElement find = browser.driver.findElement(By.id("lg-find"));
    find.sendKeys("enriched");
    await().atMost(WAIT).until(() -> graph().path("hits").toString().contains(enriched));
    assertThat(graph().path("selected").asText()).isEqualTo(enriched);
    assertThat(node(graph(), enriched).path("classes").toString()).contains("match");
    find.clear();
    find.sendKeys("nrchd");
    await().atMost(WAIT).until(() -> graph().path("hits").toString().contains(enriched));
  }

  @Test
  @Order(19)
  void shouldCollapseGroupsIntoCountedNodesAndShowJobsOnlyAsEdges() {
    open("#/entity/" + enriched + "/lineage?depth=3&group=namespace");
    JsonNode g = awaitGraph(enriched);
    // The job sits with the topics it reads and writes, not alone under its job namespace.
    assertThat(node(g, enrich).path("group").asText()).isEqualTo("group:" + LineageEvents.KAFKA);

    press("lg-aggregate-all");
    await().atMost(WAIT).until(() -> graph().path("aggregated").size() > 0);
    awaitIdle();
    long supers =
        (Long)
            browser.js(
                "return window.__tributary.view.cy.nodes('.aggregate').filter(n =>"
                    + " /· \\d+$/.test(n.data('label'))).length");
    assertThat(supers).isPositive();
    assertThat(browser.driver.findElement(By.id("lg-status")).getText()).contains("group");
    browser.screenshot("19-graph-aggregated");

    open("#/entity/" + orders + "/lineage?depth=3&datasets=1");
    g = awaitGraph(orders);
    assertThat(node(g, enrich).path("visible").asBoolean()).isFalse();
    long via = (Long) browser.js("return window.__tributary.view.cy.edges('.via').length");
    assertThat(via).isPositive();
    assertThat(browser.driver.findElement(By.id("lg-status")).getText())
        .startsWith(g.path("visibleCount").path("nodes").asInt() + " nodes");
    browser.screenshot("19-graph-datasets-only");
  }

  @Test
  @Order(20)
  void shouldOfferANewJobFromALiveUpdateRatherThanInsertIt() {
    open("#/entity/" + enriched + "/lineage");
    JsonNode before = awaitGraph(enriched);
    await()
        .atMost(WAIT)
        .until(() -> browser.js("return window.__tributary.feed.connected").equals(true));
    // Nodes known before the page opened are not "new".
    before.path("nodes").forEach(n -> assertThat(n.path("fresh").asBoolean()).isFalse());

    server.ingest(LineageEvents.audit());

    await()
        .atMost(WAIT)
        .until(() -> graph().path("offers").path(enriched).path("DOWNSTREAM").asInt() == 1);
    JsonNode g = graph();
    assertThat(g.path("nodes").findValuesAsText("name")).doesNotContain("audit");
    assertThat(nodeGuids(g)).isEqualTo(nodeGuids(before));
    WebElement offer =
        browser.driver.findElement(
            By.cssSelector("[data-testid=offers] button[data-dir=DOWNSTREAM]"));
    assertThat(offer.getText()).contains("1 new downstream").contains("show");
    browser.screenshot("20-graph-live-offer");

    offer.click();
    await()
        .atMost(WAIT)
        .until(() -> graph().path("nodes").findValuesAsText("name").contains("audit"));
    awaitIdle();
    g = graph();
    String audit = guidByName(g, "audit");
    assertThat(node(g, audit).path("fresh").asBoolean()).isTrue();
    assertThat(edges(g)).contains(enriched + "->" + audit);
    assertThat(node(g, audit).path("classes").toString()).contains("fresh");
    assertThat(node(g, guidByName(g, "alerting")).path("fresh").asBoolean()).isFalse();
    browser.screenshot("21-graph-live-update");
  }

  @Test
  @Order(21)
  void shouldKeepACollapseTheUserMadeThroughLiveUpdates() {
    open("#/entity/" + orders + "/lineage?depth=3");
    awaitGraph(orders);
    await()
        .atMost(WAIT)
        .until(() -> browser.js("return window.__tributary.feed.connected").equals(true));
    clickNode(enriched);
    press("act-collapse-down");
    awaitIdle();
    Set<String> shape = nodeGuids(graph());
    assertThat(shape).doesNotContain(alerts);

    // A new consumer of the collapsed node arrives while the user looks.
    server.ingest(
        LineageEvents.run(
            "RUNNING",
            "2026-03-01T10:05:00Z",
            LineageEvents.runId("archiver"),
            "streaming",
            "archiver",
            "FLINK",
            List.of(LineageEvents.dataset(LineageEvents.KAFKA, "enriched_orders", "")),
            List.of(LineageEvents.dataset(LineageEvents.KAFKA, "archive", "")),
            ""));
    await()
        .atMost(WAIT)
        .until(() -> graph().path("offers").path(enriched).path("DOWNSTREAM").asInt() >= 1);
    awaitIdle();
    assertThat(nodeGuids(graph())).isEqualTo(shape);
  }

  @Test
  @Order(30)
  void shouldExportTheViewInEveryFormat() throws Exception {
    open("#/entity/" + orders + "/lineage");
    JsonNode g = awaitGraph(orders);
    int nodes = g.path("nodes").size();

    Map<String, String> extensions =
        Map.of(
            "png", ".png",
            "svg", ".svg",
            "atlas", ".atlas.json",
            "openlineage", ".openlineage.json",
            "graphml", ".graphml",
            "dot", ".dot",
            "csv", ".csv");
    for (var format : extensions.entrySet()) {
      new Select(browser.driver.findElement(By.id("lg-export"))).selectByValue(format.getKey());
      press("lg-export-button");
      Path file =
          await()
              .atMost(WAIT)
              .until(
                  () -> downloaded(format.getValue()), p -> p != null && p.toFile().length() > 0);
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);
      switch (format.getKey()) {
        case "png" -> {
          var image = ImageIO.read(new ByteArrayInputStream(bytes));
          assertThat(image.getWidth()).isGreaterThan(100);
        }
        case "svg" ->
            assertThat(xml(bytes).getElementsByTagName("rect").getLength())
                .isGreaterThanOrEqualTo(nodes);
        case "atlas" -> {
          JsonNode atlas = UiServer.JSON.readTree(bytes);
          assertThat(atlas.path("baseEntityGuid").asText()).isEqualTo(orders);
          assertThat(atlas.path("guidEntityMap").size()).isEqualTo(nodes);
          assertThat(atlas.path("relations").size()).isEqualTo(g.path("edges").size());
        }
        case "openlineage" -> {
          JsonNode ol = UiServer.JSON.readTree(bytes);
          assertThat(ol.path("graph").size()).isEqualTo(nodes);
          assertThat(ol.path("graph").findValuesAsText("type")).contains("DATASET", "JOB");
        }
        case "graphml" -> {
          var doc = xml(bytes);
          assertThat(doc.getElementsByTagName("node").getLength()).isEqualTo(nodes);
          assertThat(doc.getElementsByTagName("edge").getLength())
              .isEqualTo(g.path("edges").size());
        }
        case "dot" -> assertThat(text).startsWith("digraph lineage").contains(orders);
        default -> assertThat(text.lines().count()).isEqualTo(g.path("edges").size() + 1L);
      }
      Files.delete(file);
    }
  }

  private static Path downloaded(String extension) throws java.io.IOException {
    try (var files = Files.list(browser.downloads)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(extension))
          .filter(p -> !p.getFileName().toString().endsWith(".crdownload"))
          .findFirst()
          .orElse(null);
    }
  }

  private static org.w3c.dom.Document xml(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  @Test
  @Order(40)
  void shouldSwitchThemesAndRememberTheChoice() {
    open("#/entity/" + orders + "/lineage");
    awaitGraph(orders);

    for (String theme : List.of("dark", "high-contrast", "light")) {
      new Select(browser.driver.findElement(By.id("theme-select"))).selectByValue(theme);
      await()
          .atMost(WAIT)
          .until(() -> theme.equals(browser.js("return document.documentElement.dataset.theme")));
      browser.screenshot("40-theme-" + theme);
    }
    new Select(browser.driver.findElement(By.id("theme-select"))).selectByValue("dark");
    browser.driver.navigate().refresh();
    awaitGraph(orders);

    assertThat(browser.js("return document.documentElement.dataset.theme")).isEqualTo("dark");
    assertThat(browser.js("return localStorage.getItem('tributary.theme')")).isEqualTo("dark");
    new Select(browser.driver.findElement(By.id("theme-select"))).selectByValue("system");
    assertThat(browser.js("return document.documentElement.dataset.theme")).isEqualTo("light");
  }

  @Test
  @Order(41)
  void shouldMoveBetweenNodesWithTheKeyboard() {
    open("#/entity/" + orders + "/lineage");
    awaitGraph(orders);
    WebElement canvas = browser.driver.findElement(By.cssSelector(".graph-canvas"));
    assertThat(canvas.getAttribute("aria-label")).contains("Lineage graph of orders");

    browser.js("arguments[0].focus()", canvas);
    canvas.sendKeys(Keys.ARROW_RIGHT);
    await().atMost(WAIT).until(() -> graph().path("selected").asText().equals(orders));
    canvas.sendKeys(Keys.ARROW_RIGHT);
    await().atMost(WAIT).until(() -> graph().path("selected").asText().equals(enrich));
    canvas.sendKeys("]");
    awaitIdle();
    assertThat(nodeGuids(graph())).contains(enriched);
  }

  @Test
  @Order(50)
  void shouldBeUsableOnAPhone() {
    browser.emulatePhone(390, 844);
    try {
      open("#/");
      browser.driver.navigate().refresh();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  !browser
                      .driver
                      .findElements(By.cssSelector("[data-testid=counts] .count"))
                      .isEmpty());
      browser.screenshot("50-phone-home");
      assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
          .isLessThanOrEqualTo(390);

      WebElement input = browser.driver.findElement(By.cssSelector("tb-search-box input"));
      input.sendKeys("orders");
      await()
          .atMost(WAIT)
          .until(() -> !browser.driver.findElements(By.cssSelector(".suggestions li")).isEmpty());
      browser.screenshot("51-phone-search");

      open("#/entity/" + orders + "/lineage");
      JsonNode g = awaitGraph(orders);
      assertThat(g.path("settings").path("orientation").asText()).isEqualTo("DOWN");
      browser.screenshot("52-phone-entity-graph");

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
                  enrich);
      browser.tap(at.get(0).doubleValue(), at.get(1).doubleValue());
      await().atMost(WAIT).until(() -> graph().path("selected").asText().equals(enrich));
      assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
          .isLessThanOrEqualTo(390);
      browser.screenshot("53-phone-graph-selected");

      open("#/entity/" + enriched + "/schema");
      await()
          .atMost(WAIT)
          .until(
              () ->
                  !browser
                      .driver
                      .findElements(By.cssSelector("[data-testid=schema] tr[data-column]"))
                      .isEmpty());
      browser.screenshot("54-phone-entity-schema");
    } finally {
      browser.stopEmulation();
    }
  }

  @Test
  @Order(60)
  void shouldExportLineageFromTheApiInEveryFormat() throws Exception {
    for (String format : List.of("atlas", "openlineage", "graphml", "dot", "csv", "svg", "png")) {
      var r = server.get("api/v1/lineage/" + orders + "/export?format=" + format + "&depth=3");

      assertThat(r.statusCode()).as(format).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
          .contains("lineage-orders.");
      assertThat(r.body()).as(format).isNotEmpty();
    }
    JsonNode atlas =
        UiServer.JSON.readTree(
            server.get("api/v1/lineage/" + orders + "/export?format=atlas&depth=3").body());
    assertThat(atlas.path("guidEntityMap").has(alerts)).isTrue();
    var bad = server.get("api/v1/lineage/" + orders + "/export?format=xlsx");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("graphml");
  }

  @Test
  @Order(61)
  void shouldLayOutAGraphPostedToTheLayoutEndpoint() throws Exception {
    var r =
        server.post(
            "api/v1/layout/layered",
            "{\"nodes\":[{\"id\":\"a\",\"width\":100,\"height\":30},"
                + "{\"id\":\"b\",\"width\":100,\"height\":30}],"
                + "\"edges\":[{\"source\":\"a\",\"target\":\"b\"}]}");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode layout = UiServer.JSON.readTree(r.body());
    assertThat(layout.path("positions").path("a").path("x").asDouble())
        .isLessThan(layout.path("positions").path("b").path("x").asDouble());
    var bad =
        server.post(
            "api/v1/layout/layered",
            "{\"nodes\":[{\"id\":\"a\",\"width\":100,\"height\":30}],"
                + "\"edges\":[{\"source\":\"a\",\"target\":\"zz\"}]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("'zz'");
  }

  @Test
  @Order(70)
  void shouldStayInteractiveAtFiveThousandNodesAndStillExportAPng() throws Exception {
    String root = ingestLayers("big", 25, 100);
    // Every node drawn, as asked for by group=none: without it a graph this large opens as
    // super-nodes (LargeLineageIT).
    open("#/entity/" + root + "/lineage?direction=DOWNSTREAM&depth=50&group=none");
    // A shared 2-core machine: creating 12,000 elements takes a while.
    awaitReady(root, Duration.ofMinutes(3));
    JsonNode g = graph();
    assertThat(g.path("rendered").path("nodes").asInt()).isGreaterThan(5_000);
    // Headless Chromium's WebGL is software (SwiftShader): the canvas draws faster there.
    assertThat(g.path("renderer").asText()).isEqualTo("canvas");
    // Fit uses the whole graph and is not clamped by the minimum zoom.
    assertThat(g.path("rendered").path("zoom").asDouble()).isGreaterThan(0.002);
    browser.screenshot("70-graph-5000");

    WebElement find = browser.driver.findElement(By.id("lg-find"));
    find.sendKeys("big-t-25-42");
    await().atMost(WAIT).until(() -> graph().path("hits").size() > 0);

    new Select(browser.driver.findElement(By.id("lg-export"))).selectByValue("png");
    press("lg-export-button");
    Path file =
        await()
            .atMost(WAIT)
            .until(() -> downloaded(".png"), p -> p != null && p.toFile().length() > 0);
    var image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(file)));
    assertThat(image.getWidth()).isGreaterThan(100);
    Files.delete(file);
  }

  @Test
  @Order(71)
  void shouldOpenALargeGroupAsAReadableGridBesideTheOtherGroups() {
    String root = ingestLayers("wide", 12, 150);
    // 3,601 nodes open as an overview: one super-node per layer of 300.
    open("#/entity/" + root + "/lineage?direction=DOWNSTREAM&depth=50");
    awaitReady(root, Duration.ofMinutes(3));
    assertThat(graph().path("aggregated").size()).isGreaterThan(8);
    String key = "layer 3";
    browser.js("window.__tributary.view.toggleAggregate(arguments[0])", key);
    await()
        .atMost(WAIT)
        .until(
            () ->
                !graph().path("busy").asBoolean()
                    && !graph().path("aggregated").toString().contains("\"" + key + "\""));
    await()
        .atMost(WAIT)
        .until(() -> GraphGeometry.of(browser).membersOf("group:" + key).size() > 1);

    // The group is framed at a zoom whose labels are drawn: its first rows, readable.
    GraphGeometry opened = GraphGeometry.of(browser);
    assertThat(opened.zoom()).isGreaterThanOrEqualTo(0.82);
    screenshotOfGraph("71-large-group-opened");
    // The first 100 members by name and one node for the other 200.
    List<GraphGeometry.Box> members = opened.membersOf("group:" + key);
    assertThat(members).hasSize(101);
    assertThat(members).filteredOn(b -> b.id().equals("more:" + key)).hasSize(1);

    browser.js("window.__tributary.view.cy.fit(undefined, 30)");
    GraphGeometry fit = GraphGeometry.of(browser);
    screenshotOfGraph("71-large-group-fit");
    fit.assertApartAndInView();
    // A grid about the viewport's shape, not a row: several rows and several columns.
    long columns = members.stream().map(b -> Math.round(b.x1())).distinct().count();
    long rows = members.stream().map(b -> Math.round(b.y1())).distinct().count();
    assertThat(columns).isBetween(4L, 30L);
    assertThat(rows).isBetween(4L, 30L);
    // The other layers' super-nodes sit around the group, not in one line.
    List<GraphGeometry.Box> others =
        fit.nodes().stream().filter(b -> b.id().startsWith("agg:")).toList();
    assertThat(others).hasSizeGreaterThan(8);
    assertThat(others.stream().map(b -> Math.round(b.y1() / 10)).distinct().count())
        .isGreaterThan(1);

    // Find in graph reaches a member not shown yet: its page opens. Set at once: typing would
    // search for each prefix on the way.
    browser.js("window.__tributary.view.find(arguments[0])", "wide-t-3-99");
    String hit = guidOfTopic("wide-t-3-99");
    await().atMost(WAIT).until(() -> graph().path("selected").asText().equals(hit));
    await()
        .atMost(WAIT)
        .until(() -> GraphGeometry.of(browser).nodes().stream().anyMatch(b -> b.id().equals(hit)));
    // "more" shows the next page, until the last page needs none. (A search left in the URL would
    // open its hit's page again on the reload below.)
    browser.js("window.__tributary.view.find(''); window.__tributary.view.aggregateAll(true)");
    await().atMost(WAIT).until(() -> GraphGeometry.of(browser).membersOf("group:" + key).isEmpty());
    browser.js("window.__tributary.view.toggleAggregate(arguments[0])", key);
    await()
        .atMost(WAIT)
        .until(() -> GraphGeometry.of(browser).membersOf("group:" + key).size() == 101);
    for (int shown = 200; shown <= 300; shown += 100) {
      browser.js(
          "const v = window.__tributary.view; v.cy.getElementById(arguments[0]).emit('tap');",
          "more:" + key);
      int expected = shown + (shown < 300 ? 1 : 0);
      await()
          .atMost(WAIT)
          .until(() -> GraphGeometry.of(browser).membersOf("group:" + key).size() == expected);
      if (shown == 200) {
        // The pages shown are in the URL: a reload shows the same 200.
        String url = browser.driver.getCurrentUrl();
        assertThat(url).contains("pages=");
        browser.driver.get("about:blank");
        browser.driver.get(url);
        awaitReady(root, Duration.ofMinutes(3));
        await()
            .atMost(WAIT)
            .until(() -> GraphGeometry.of(browser).membersOf("group:" + key).size() == expected);
      }
    }
    browser.js("window.__tributary.view.cy.fit(undefined, 30)");
    screenshotOfGraph("71-large-group-all");
    GraphGeometry all = GraphGeometry.of(browser);
    all.assertApartAndInView();
    assertThat(all.membersOf("group:" + key)).noneMatch(b -> b.id().startsWith("more:"));
  }

  private static String guidOfTopic(String name) {
    return server.guid("kafka_topic", topic(name));
  }

  private static void screenshotOfGraph(String name) {
    browser.js(
        "window.__tributary.view.querySelector('.graph-canvas').scrollIntoView({block: 'center'})");
    browser.screenshot(name);
  }

  /** {@code layers} layers of {@code width} jobs, each reading two topics and writing one. */
  private static String ingestLayers(String prefix, int layers, int width) {
    List<String> events = new ArrayList<>();
    for (int layer = 1; layer <= layers; layer++) {
      for (int i = 0; i < width; i++) {
        List<String> inputs = new ArrayList<>();
        if (layer == 1) {
          inputs.add(LineageEvents.dataset(LineageEvents.KAFKA, prefix + "-root", ""));
        } else {
          inputs.add(
              LineageEvents.dataset(
                  LineageEvents.KAFKA, prefix + "-t-" + (layer - 1) + "-" + i, ""));
          inputs.add(
              LineageEvents.dataset(
                  LineageEvents.KAFKA, prefix + "-t-" + (layer - 1) + "-" + ((i + 1) % width), ""));
        }
        String job = prefix + "-job-" + layer + "-" + i;
        events.add(
            LineageEvents.run(
                "RUNNING",
                "2026-03-01T10:00:00Z",
                LineageEvents.runId(job),
                "streaming",
                job,
                "FLINK",
                inputs,
                List.of(
                    LineageEvents.dataset(
                        LineageEvents.KAFKA, prefix + "-t-" + layer + "-" + i, "")),
                ""));
      }
    }
    for (int from = 0; from < events.size(); from += 250) {
      var r =
          server.post(
              "api/v1/lineage/batch",
              "["
                  + String.join(",", events.subList(from, Math.min(events.size(), from + 250)))
                  + "]");
      assertThat(r.statusCode() / 100)
          .as(new String(r.body(), StandardCharsets.UTF_8))
          .isEqualTo(2);
    }
    return server.guid("kafka_topic", topic(prefix + "-root"));
  }

  @Test
  @Order(99)
  void shouldHaveRaisedNoScriptErrors() {
    assertThat((List<?>) browser.js("return window.__tributary.errors")).isEmpty();
  }
}

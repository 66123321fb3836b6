package io.tributary.ui;

import static io.tributary.ui.LineageEvents.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A dashboard's lineage widget built as a user builds it: added by its form for an entity found by
 * name, drawn in 2D with the nodes the lineage API answers, switched to 3D by its form, kept across
 * a reload, and following the change feed (a new downstream job appears; the streaming-health
 * widget beside it shows the job's lag, sorts by it and marks an old report stale).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardLineageWidgetIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String MINI = ".dash-widget[data-type=lineage] svg.mini-lineage";
  private static final String CUBE = ".dash-widget[data-type=lineage] tb-lineage-3d";
  private static ExplorerSession session;
  private static UiServer server;
  private static Browser browser;
  private static String enriched;
  private static String dashboardId;

  @BeforeAll
  static void start() {
    session = ExplorerSession.start(1440, 900);
    server = session.server();
    browser = session.browser();
    enriched = server.guid("kafka_topic", topic("enriched_orders"));
  }

  @AfterAll
  static void stop() {
    if (session != null) {
      session.close();
    }
  }

  /** The guids of the lineage API's answer the widget asks for (both ways, to {@code depth}). */
  private static Set<String> lineageAnswer(int depth) {
    JsonNode l =
        server.json(
            "api/v1/lineage/" + enriched + "?direction=BOTH&depth=" + depth + "&level=DATASET");
    Set<String> guids = new TreeSet<>(l.path("nodes").findValuesAsText("guid"));
    for (JsonNode e : l.path("edges")) {
      guids.add(e.path("from").asText());
      guids.add(e.path("to").asText());
    }
    guids.remove("");
    return guids;
  }

  private static String attr(String css, String name) {
    Object v =
        browser.js(
            "const e = document.querySelector(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;",
            css,
            name);
    return v == null ? null : v.toString();
  }

  private static int count(String css) {
    String n = attr(css, "data-nodes");
    return n == null ? -1 : Integer.parseInt(n);
  }

  private static boolean ready3d() {
    return "true".equals(attr(CUBE, "data-ready"));
  }

  private static void awaitSaved() {
    await()
        .atMost(WAIT)
        .until(
            () ->
                browser
                    .driver
                    .findElement(By.cssSelector("[data-testid=save-status]"))
                    .getText()
                    .equals("Saved"));
  }

  private static WebElement form() {
    return browser.driver.findElement(By.cssSelector("dialog.widget-form"));
  }

  @Test
  @Order(1)
  void aLineageWidgetAddedByItsFormDrawsTheApisLineageIn2dThen3dAcrossAReload() {
    session.open("#/dashboards");
    dashboardId = DashboardPages.createNew(browser, WAIT);

    // The form: the entity found by name, depth 1, 2D.
    new Select(browser.driver.findElement(By.id("dash-add"))).selectByValue("lineage");
    browser.driver.findElement(By.id("widget-entity")).sendKeys("enriched_orders");
    await()
        .atMost(WAIT)
        .until(
            () ->
                form().findElements(By.cssSelector(".matches button")).stream()
                    .anyMatch(b -> b.getText().contains("kafka_topic")));
    form().findElements(By.cssSelector(".matches button")).stream()
        .filter(
            b -> b.getText().startsWith("enriched_orders") && b.getText().contains("kafka_topic"))
        .findFirst()
        .orElseThrow()
        .click();
    await().atMost(WAIT).until(() -> form().getText().contains("Chosen:"));
    WebElement depth = form().findElement(By.name("depth"));
    depth.clear();
    depth.sendKeys("1");
    browser.driver.findElement(By.id("widget-save")).click();
    awaitSaved();

    Set<String> answer = lineageAnswer(1);
    assertThat(answer).contains(enriched).hasSizeGreaterThan(2);
    await().atMost(WAIT).until(() -> count(MINI) == answer.size());
    assertThat(browser.driver.findElements(By.cssSelector(MINI + " g.node")))
        .hasSize(answer.size());
    assertThat(browser.driver.findElement(By.cssSelector(MINI)).getText())
        .contains("enrich-orders", "enriched_order");
    browser.screenshot("dashboard-lineage-01-2d-1440");

    // Its form again: 3D.
    browser
        .driver
        .findElement(By.cssSelector(".dash-widget[data-type=lineage] [data-action=configure]"))
        .click();
    new Select(form().findElement(By.name("view"))).selectByValue("3d");
    browser.driver.findElement(By.id("widget-save")).click();
    awaitSaved();
    await().atMost(WAIT).until(() -> ready3d() && count(CUBE) == answer.size());
    assertThat(browser.driver.findElements(By.cssSelector(MINI))).isEmpty();
    JsonNode stored = server.json("api/v1/dashboards/" + dashboardId);
    JsonNode config = stored.path("widgets").get(0).path("config");
    assertThat(config.path("guid").asText()).isEqualTo(enriched);
    assertThat(config.path("view").asText()).isEqualTo("3d");
    assertThat(config.path("depth").asInt()).isEqualTo(1);

    session.open("#/dashboards/" + dashboardId);
    await().atMost(WAIT).until(() -> ready3d() && count(CUBE) == answer.size());
    assertThat(attr(CUBE, "data-focus")).isEqualTo(enriched);
    assertThat(attr(CUBE, "data-edges")).isNotEqualTo("0");
    browser.screenshot("dashboard-lineage-02-3d-reloaded-1440");
  }

  @Test
  @Order(2)
  void aNewDownstreamJobReachesTheWidgetLiveAndItsLagTheHealthWidget() throws Exception {
    // A health widget beside the lineage, by its form.
    session.open("#/dashboards/" + dashboardId);
    await().atMost(WAIT).until(DashboardLineageWidgetIT::ready3d);
    await().atMost(WAIT).until(() -> !browser.driver.findElements(By.id("dash-edit")).isEmpty());
    browser.driver.findElement(By.id("dash-edit")).click();
    await().atMost(WAIT).until(() -> !browser.driver.findElements(By.id("dash-add")).isEmpty());
    new Select(browser.driver.findElement(By.id("dash-add"))).selectByValue("streaming-health");
    WebElement stale = form().findElement(By.name("staleMinutes"));
    stale.clear();
    stale.sendKeys("30");
    browser.driver.findElement(By.id("widget-save")).click();
    awaitSaved();
    await()
        .atMost(WAIT)
        .until(() -> browser.js("return window.__tributary.feed.connected").equals(true));
    int before = count(CUBE);
    String focus = attr(CUBE, "data-focus");

    // A new job reading the entity, behind by 1,500 records; another whose lag report is old.
    server.ingest(lagged("archive-orders", Instant.now(), 1500, "orders_archive"));
    server.ingest(lagged("replay-orders", Instant.now().minusSeconds(3600), 40, "orders_replay"));

    Set<String> after = lineageAnswer(1);
    assertThat(after.size()).isGreaterThan(before);
    await().atMost(WAIT).until(() -> ready3d() && count(CUBE) == after.size());
    // The widget's shape is its configuration (entity and depth): the same entity stays in focus.
    assertThat(attr(CUBE, "data-focus")).isEqualTo(focus);
    browser.screenshot("dashboard-lineage-03-live-1440");

    String health = ".dash-widget[data-type=streaming-health]";
    await()
        .atMost(WAIT)
        .until(
            () ->
                !browser
                    .driver
                    .findElements(
                        By.cssSelector(health + " tr[data-job=replay-orders] td[data-lag]"))
                    .isEmpty());
    WebElement fresh =
        browser.driver.findElement(By.cssSelector(health + " tr[data-job=archive-orders] td.lag"));
    assertThat(fresh.getAttribute("data-lag")).isEqualTo("1500");
    assertThat(fresh.getAttribute("data-lag-stale")).isEqualTo("false");
    assertThat(fresh.getText()).contains("1,500").contains("enriched_orders-0 1,200");
    WebElement old =
        browser.driver.findElement(By.cssSelector(health + " tr[data-job=replay-orders] td.lag"));
    assertThat(old.getAttribute("data-lag-stale")).isEqualTo("true");
    assertThat(old.getText()).contains("40").contains("stale");

    // Sorted by lag, largest first; a second click turns the order.
    WebElement lagHeader = browser.driver.findElement(By.cssSelector(health + " [data-sort=lag]"));
    lagHeader.click();
    await().atMost(WAIT).until(() -> jobsInOrder(health).get(0).equals("archive-orders"));
    assertThat(jobsInOrder(health).get(1)).isEqualTo("replay-orders");
    assertThat(attr(health + " th:has([data-sort=lag])", "aria-sort")).isEqualTo("descending");
    browser.driver.findElement(By.cssSelector(health + " [data-sort=lag]")).click();
    await().atMost(WAIT).until(() -> jobsInOrder(health).get(0).equals("replay-orders"));
    assertThat(jobsInOrder(health).get(1)).isEqualTo("archive-orders");
    assertThat(attr(health + " th:has([data-sort=lag])", "aria-sort")).isEqualTo("ascending");
    browser.screenshot("dashboard-lineage-04-lag-1440");

    browser.emulatePhone(390, 844);
    try {
      session.open("#/dashboards/" + dashboardId);
      await().atMost(WAIT).until(() -> ready3d() && count(CUBE) == after.size());
      assertThat(browser.js("return document.documentElement.scrollWidth > window.innerWidth + 1"))
          .isEqualTo(false);
      browser.screenshot("dashboard-lineage-05-390");
    } finally {
      browser.stopEmulation();
    }
  }

  private static List<String> jobsInOrder(String health) {
    return browser.driver.findElements(By.cssSelector(health + " tbody tr")).stream()
        .map(r -> r.getAttribute("data-job"))
        .toList();
  }

  /** A RUNNING event of a job reading {@code enriched_orders}, with its consumer lag. */
  private static String lagged(String job, Instant at, long lag, String output) {
    String facet =
        "\"tributary_streaming_metrics\":{\"_producer\":\"https://github.com/tributary/tests\","
            + "\"_schemaURL\":\"https://tributary.io/spec/facets/1-0-0/"
            + "TributaryStreamingMetricsRunFacet.json#/$defs/TributaryStreamingMetricsRunFacet\","
            + "\"totalLag\":"
            + lag
            + ",\"lagByTopic\":{\"enriched_orders\":"
            + lag
            + "},\"lagByPartition\":{\"enriched_orders-0\":"
            + (lag * 4 / 5)
            + ",\"enriched_orders-1\":"
            + (lag - lag * 4 / 5)
            + "}}";
    return LineageEvents.run(
        "RUNNING",
        at.toString(),
        LineageEvents.runId(job + "-1"),
        "streaming",
        job,
        "FLINK",
        List.of(LineageEvents.dataset(LineageEvents.KAFKA, "enriched_orders", "")),
        List.of(LineageEvents.dataset(LineageEvents.KAFKA, output, "")),
        facet);
  }
}

package io.tributary.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The lineage explorer on a large estate in headless Chromium: a graph of 20,000 nodes opens as
 * super-nodes with counts, a super-node opens to its members on a click, and a job's tasks fold
 * into one node. Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LargeLineageIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  // The lineage walk of 20,000 entities takes a while on a shared CI machine.
  private static final Duration LARGE_WAIT = Duration.ofMinutes(5);
  private static final int NODES = 20_000;
  private static final int LAYERS = 40;
  private static final String KAFKA = "kafka://large:9092";
  private static UiServer server;
  private static Browser browser;
  private static String root;
  private static String raw;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        Browser.available() || System.getenv("CI") != null,
        "needs Debian's chromium and chromium-driver");
    server =
        UiServer.start(
            Map.of(
                "ingest.max-body-bytes", String.valueOf(64L << 20),
                "ingest.batch.max", "5000",
                // The estate is about the graph: embedding 20,000 entities would only slow it.
                "search.enabled", "false"));
    server.ingestAll(estate(), 500);
    server.ingestAll(
        List.of(
            event("airflow", "nightly.extract", List.of("raw_orders"), "staged_orders"),
            event("airflow", "nightly.clean", List.of("staged_orders"), "clean_orders"),
            event("airflow", "nightly.publish", List.of("clean_orders"), "published_orders")),
        10);
    root = server.guid("kafka_topic", "root@large:9092");
    raw = server.guid("kafka_topic", "raw_orders@large:9092");
    browser = Browser.start(1440, 900);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** A root topic feeding {@link #LAYERS} layers; each job reads two topics and writes one. */
  private static List<String> estate() {
    int width = (NODES - 1) / (2 * LAYERS);
    List<String> events = new ArrayList<>();
    for (int layer = 1; layer <= LAYERS; layer++) {
      for (int i = 0; i < width; i++) {
        List<String> inputs =
            layer == 1
                ? List.of("root")
                : List.of(
                    "t-" + (layer - 1) + "-" + i, "t-" + (layer - 1) + "-" + ((i + 1) % width));
        events.add(event("large", "job-" + layer + "-" + i, inputs, "t-" + layer + "-" + i));
      }
    }
    return events;
  }

  private static String event(String namespace, String job, List<String> inputs, String output) {
    StringBuilder in = new StringBuilder();
    for (String name : inputs) {
      in.append(in.length() > 0 ? "," : "")
          .append("{\"namespace\":\"" + KAFKA + "\",\"name\":\"" + name + "\"}");
    }
    return "{\"eventType\":\"START\",\"eventTime\":\"2026-03-01T10:00:00Z\","
        + "\"producer\":\"https://github.com/tributary/tests\","
        + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
        + "\"run\":{\"runId\":\""
        + UUID.nameUUIDFromBytes((namespace + job).getBytes(StandardCharsets.UTF_8))
        + "\"},\"job\":{\"namespace\":\""
        + namespace
        + "\",\"name\":\""
        + job
        + "\"},\"inputs\":["
        + in
        + "],\"outputs\":[{\"namespace\":\""
        + KAFKA
        + "\",\"name\":\""
        + output
        + "\"}]}";
  }

  private static void open(String hash) {
    browser.driver.get("about:blank");
    browser.driver.get(server.url("") + hash);
  }

  private static JsonNode status() {
    Object text =
        browser.js(
            "const v = document.querySelector('tb-lineage-graph');"
                + "if (!v || !v.cy) return 'null';"
                + "const s = v.status();"
                + "s.aggregates = v.cy.nodes('.aggregate').map(n => ({key: n.data('key'),"
                + " count: n.data('count'), label: n.data('label')}));"
                + "s.members = v.cy.nodes().filter(n => !n.hasClass('aggregate')"
                + " && !n.hasClass('group') && !n.hasClass('more')).length;"
                + "s.grouping = v.settings.grouping; s.aggregated = [...v.aggregated];"
                + "s.statusLine = v.querySelector('#lg-status').textContent;"
                + "return JSON.stringify(s);");
    try {
      return UiServer.JSON.readTree(String.valueOf(text));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode awaitReady(String focus, Duration wait) {
    await()
        .atMost(wait)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> ExplorerSession.isReady(status(), focus));
    return status();
  }

  @Test
  @Order(1)
  void shouldOpenTwentyThousandNodesAsSuperNodesWithCounts() {
    open("#/entity/" + root + "/lineage?direction=DOWNSTREAM&depth=50");

    JsonNode s = awaitReady(root, LARGE_WAIT);
    browser.screenshot("large-01-overview-20k");
    assertThat(s.path("nodes").asInt()).isGreaterThan(19_000);
    // Members are not created: one super-node per layer, each labelled with its count.
    assertThat(s.path("rendered").path("nodes").asInt()).isLessThan(100);
    assertThat(s.path("grouping").asText()).isEqualTo("layer");
    int members = 0;
    for (JsonNode a : s.path("aggregates")) {
      members += a.path("count").asInt();
      assertThat(a.path("label").asText()).endsWith(" · " + a.path("count").asInt());
    }
    // Every node but the focus, which is never folded away, is counted in a super-node.
    assertThat(members).isEqualTo(s.path("nodes").asInt() - 1);
    assertThat(s.path("statusLine").asText()).contains("groups");
    // The overview is in the URL, so a reload or a shared link opens the same view.
    assertThat(browser.driver.getCurrentUrl()).contains("group=layer").contains("agg=");
  }

  @Test
  @Order(2)
  void shouldCreateAGroupsMembersWhenItsSuperNodeIsClicked() {
    JsonNode before = status();
    String key = before.path("aggregates").get(3).path("key").asText();
    int count = before.path("aggregates").get(3).path("count").asInt();
    @SuppressWarnings("unchecked")
    List<Number> at =
        (List<Number>)
            browser.js(
                "const v = document.querySelector('tb-lineage-graph');"
                    + "const n = v.cy.getElementById('agg:' + arguments[0]);"
                    + "v.cy.center(n);"
                    + "const p = n.renderedPosition();"
                    + "const r = v.querySelector('.graph-canvas .cy').getBoundingClientRect();"
                    + "return [r.left + p.x, r.top + p.y];",
                key);
    new Actions(browser.driver)
        .moveToLocation(at.get(0).intValue(), at.get(1).intValue())
        .click()
        .perform();

    await()
        .atMost(WAIT)
        .until(() -> !status().path("busy").asBoolean() && !hasAggregate(status(), key));
    JsonNode after = status();
    browser.screenshot("large-02-group-opened");
    // At fit the opened layer is a grid among the other layers' super-nodes, nothing overlapping.
    browser.js("document.querySelector('tb-lineage-graph').cy.fit(undefined, 30);");
    browser.js(
        "document.querySelector('tb-lineage-graph .graph-canvas')"
            + ".scrollIntoView({block: 'center'})");
    browser.screenshot("large-02-group-opened-fit");
    GraphGeometry.of(browser).assertApartAndInView();
    // A layer of hundreds shows its first 100 members by name; one node offers the rest.
    assertThat(after.path("members").asInt())
        .isEqualTo(before.path("members").asInt() + Math.min(count, 100));
    assertThat(browser.driver.getCurrentUrl()).doesNotContain(key.replace(" ", "%20") + ",");
  }

  private static boolean hasAggregate(JsonNode s, String key) {
    for (JsonNode a : s.path("aggregates")) {
      if (a.path("key").asText().equals(key)) {
        return true;
      }
    }
    return false;
  }

  @Test
  @Order(3)
  void shouldFoldAJobsTasksIntoOneNodeAndOpenThemAgain() {
    open("#/entity/" + raw + "/lineage?direction=DOWNSTREAM&depth=10");
    JsonNode s = awaitReady(raw, WAIT);
    assertThat(s.path("members").asInt()).isEqualTo(7); // 4 topics, 3 tasks

    new Select(browser.driver.findElement(org.openqa.selenium.By.id("lg-group")))
        .selectByValue("job");

    await()
        .atMost(WAIT)
        .until(() -> !status().path("busy").asBoolean() && status().path("aggregates").size() == 1);
    s = status();
    browser.screenshot("large-03-job-internals");
    // Three tasks and the two topics passed only between them are the job's internals.
    assertThat(s.path("aggregates").get(0).path("label").asText()).isEqualTo("nightly (job) · 5");
    assertThat(s.path("members").asInt()).isEqualTo(2);
    // The folded job keeps the flow: raw → job → published.
    Object edges =
        browser.js(
            "const v = document.querySelector('tb-lineage-graph');"
                + "return v.cy.getElementById('agg:job airflow/nightly').connectedEdges().length;");
    assertThat(((Number) edges).intValue()).isGreaterThanOrEqualTo(2);
    assertThat(browser.driver.getCurrentUrl()).contains("group=job");
  }

  @Test
  @Order(4)
  void shouldOpenTheOverviewOnAPhone() {
    browser.emulatePhone(390, 844);
    try {
      open("#/entity/" + root + "/lineage?direction=DOWNSTREAM&depth=50");
      JsonNode s = awaitReady(root, LARGE_WAIT);
      browser.screenshot("large-04-overview-phone");
      assertThat(s.path("rendered").path("nodes").asInt()).isLessThan(100);
      assertThat(s.path("aggregates").size()).isGreaterThan(10);
    } finally {
      browser.emulatePhone(0, 0);
    }
  }
}

package io.tributary.ui;

import static io.tributary.ui.LineageEvents.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
  private static UiServer server;
  private static Browser browser;
  private static String orders;
  private static String enriched;
  private static String alerts;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        Browser.available() || System.getenv("CI") != null,
        "needs Debian's chromium and chromium-driver");
    server = UiServer.start();
    LineageEvents.estate().forEach(server::ingest);
    orders = server.guid("kafka_topic", topic("orders"));
    enriched = server.guid("kafka_topic", topic("enriched_orders"));
    alerts = server.guid("kafka_topic", topic("alerts"));
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

  private static void open(String hash) {
    browser.driver.get("about:blank");
    browser.driver.get(server.url("") + hash);
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
}

package io.tributary.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.ranger.tenancy.TenantRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard builder in headless Chromium against a server with two tenants: the built-in health
 * dashboard, a dashboard built by drag and resize that survives a reload, shared with the tenant,
 * and invisible to the other tenant. Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBuilderIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String WRITER = SecuredUiServer.user("acme", TenantRole.WRITER);
  private static final String READER = SecuredUiServer.user("acme", TenantRole.READER);
  private static final String OUTSIDER = SecuredUiServer.user("globex", TenantRole.ADMIN);
  private static final String TITLE = "Acme on-call";

  @TempDir static Path dataDir;
  private static SecuredUiServer server;
  private static Browser browser;
  private static String dashboardId;
  private static Map<String, JsonNode> placed;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        Browser.available() || System.getenv("CI") != null,
        "needs Debian's chromium and chromium-driver");
    server = SecuredUiServer.start(dataDir, List.of("acme", "globex"));
    for (String event : LineageEvents.estate()) {
      assertThat(server.post(WRITER, "api/v1/lineage", event).statusCode() / 100).isEqualTo(2);
    }
    browser = Browser.start(1440, 900);
    browser.driver.executeCdpCommand("Network.enable", Map.of());
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

  /** Loads the page afresh as {@code user}: the browser sends the user's API key from now on. */
  private static void openAs(String user, String hash) {
    browser.driver.executeCdpCommand(
        "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-API-Key", server.key(user))));
    browser.driver.get("about:blank");
    browser.driver.get(server.url("") + hash);
  }

  private static int widgetCount() {
    return browser.driver.findElements(By.cssSelector(".grid-stack-item tb-dash-widget")).size();
  }

  /** Each widget's place as the grid holds it: {id: {x, y, w, h}}. */
  private static Map<String, JsonNode> places() {
    Object text =
        browser.js(
            "const out = {};"
                + "document.querySelectorAll('.grid-stack > .grid-stack-item:not(.grid-stack-placeholder)').forEach(el => {"
                + "  const n = el.gridstackNode; if (n) out[n.id] = {x: n.x, y: n.y, w: n.w, h: n.h}; });"
                + "return JSON.stringify(out);");
    try {
      Map<String, JsonNode> out = new java.util.TreeMap<>();
      UiServer.JSON
          .readTree(String.valueOf(text))
          .properties()
          .forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
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

  private static void addWidget(String type, String label) {
    new Select(browser.driver.findElement(By.id("dash-add"))).selectByValue(type);
    WebElement form = browser.driver.findElement(By.cssSelector("dialog.widget-form"));
    assertThat(form.getText()).contains(label);
    int before = widgetCount();
    browser.driver.findElement(By.id("widget-save")).click();
    await().atMost(WAIT).until(() -> widgetCount() == before + 1);
    awaitSaved();
  }

  private static WebElement widget(String type) {
    return browser.driver.findElement(
        By.cssSelector(".grid-stack-item .dash-widget[data-type=" + type + "]"));
  }

  private static double columnWidth() {
    return ((Number)
            browser.js(
                "return document.querySelector('.grid-stack').getBoundingClientRect().width / 12"))
        .doubleValue();
  }

  @Test
  @Order(1)
  void aNewTenantIsOfferedTheBuiltInHealthDashboard() {
    openAs(WRITER, "#/dashboards");

    await().atMost(WAIT).until(() -> widgetCount() == 7);
    await()
        .atMost(WAIT)
        .until(
            () ->
                widget("streaming-health").getText().contains("jobs healthy")
                    && widget("freshness").getText().contains("datasets stale"));
    assertThat(widget("streaming-health").getText()).contains("enrich-orders");
    assertThat(widget("edge-backlog").getText()).contains("No edge data yet");
    assertThat(browser.driver.findElements(By.id("dash-copy"))).hasSize(1);
    browser.screenshot("dashboard-01-default-1440");
  }

  @Test
  @Order(2)
  void aDashboardBuiltByDragAndResizeIsKeptAcrossAReload() {
    openAs(WRITER, "#/dashboards");
    await().atMost(WAIT).until(() -> widgetCount() == 7);
    dashboardId = DashboardPages.createNew(browser, WAIT);

    WebElement title = browser.driver.findElement(By.id("dash-title"));
    title.clear();
    title.sendKeys(TITLE + "\n");
    awaitSaved();
    addWidget("streaming-health", "Streaming health");
    addWidget("quality", "Quality status");
    addWidget("edge-backlog", "Edge backlog");
    Map<String, JsonNode> before = places();
    String edgeId = idOf("edge-backlog");
    String qualityId = idOf("quality");
    browser.screenshot("dashboard-02a-added-1440");
    assertThat(before).as("widgets in the grid").containsKeys(edgeId, qualityId);
    assertThat(before.get(edgeId).path("x").asInt()).isZero();

    double column = columnWidth();
    WebElement edgeHead =
        widget("edge-backlog").findElement(By.cssSelector(".dash-widget-head h3"));
    new Actions(browser.driver)
        .clickAndHold(edgeHead)
        .moveByOffset(10, 5)
        .moveByOffset((int) (column * 6) - 10, 0)
        .release()
        .perform();
    awaitSaved();
    // Gridstack adds an item's resize handles when the pointer first comes over it.
    new Actions(browser.driver).moveToElement(widget("quality")).perform();
    await()
        .atMost(WAIT)
        .until(
            () ->
                browser
                    .driver
                    .findElements(
                        By.cssSelector(
                            ".grid-stack-item[gs-id='" + qualityId + "'] .ui-resizable-se"))
                    .stream()
                    .anyMatch(WebElement::isDisplayed));
    WebElement resize =
        browser.driver.findElement(
            By.cssSelector(".grid-stack-item[gs-id='" + qualityId + "'] .ui-resizable-se"));
    new Actions(browser.driver)
        .clickAndHold(resize)
        .moveByOffset(5, 5)
        .moveByOffset((int) column - 5, 64 * 2 - 5)
        .release()
        .perform();
    awaitSaved();
    placed = places();
    assertThat(placed.get(edgeId).path("x").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(placed.get(qualityId).path("h").asInt())
        .isGreaterThan(before.get(qualityId).path("h").asInt());
    browser.screenshot("dashboard-02-built-1440");

    openAs(WRITER, "#/dashboards/" + dashboardId);
    await().atMost(WAIT).until(() -> widgetCount() == 3);
    assertThat(places()).isEqualTo(placed);
    assertThat(
            new Select(browser.driver.findElement(By.id("dash-select")))
                .getFirstSelectedOption()
                .getText())
        .contains(TITLE)
        .contains("personal");
    JsonNode stored =
        json(server.expect(200, server.get(WRITER, "api/v1/dashboards/" + dashboardId)).body());
    assertThat(stored.path("widgets")).hasSize(3);
  }

  private static String idOf(String type) {
    return widget(type).getAttribute("data-widget");
  }

  @Test
  @Order(3)
  void aSharedDashboardIsSeenByTheTenantButNotByAnotherTenant() {
    // Personal: another member of the tenant does not see it yet.
    openAs(READER, "#/dashboards");
    await().atMost(WAIT).until(() -> widgetCount() > 0);
    assertThat(browser.driver.findElement(By.id("dash-select")).getText()).doesNotContain(TITLE);

    openAs(WRITER, "#/dashboards/" + dashboardId);
    await().atMost(WAIT).until(() -> widgetCount() == 3);
    browser.driver.findElement(By.id("dash-edit")).click();
    browser.driver.findElement(By.id("dash-shared")).click();
    awaitSaved();

    openAs(READER, "#/dashboards");
    await()
        .atMost(WAIT)
        .until(() -> browser.driver.findElement(By.id("dash-select")).getText().contains(TITLE));
    openAs(READER, "#/dashboards/" + dashboardId);
    await().atMost(WAIT).until(() -> widgetCount() == 3);
    assertThat(places()).isEqualTo(placed);
    // A reader sees it but may not change it.
    assertThat(browser.driver.findElements(By.id("dash-edit"))).isEmpty();
    browser.screenshot("dashboard-03-shared-as-reader-1440");

    openAs(OUTSIDER, "#/dashboards");
    await().atMost(WAIT).until(() -> widgetCount() == 7);
    assertThat(browser.driver.findElement(By.id("dash-select")).getText()).doesNotContain(TITLE);
    openAs(OUTSIDER, "#/dashboards/" + dashboardId);
    await()
        .atMost(WAIT)
        .until(
            () ->
                !browser
                    .driver
                    .findElements(By.cssSelector(".dashboard-page .error-banner"))
                    .isEmpty());
    assertThat(widgetCount()).isZero();
    assertThat(
            browser.driver.findElement(By.cssSelector(".dashboard-page .error-banner")).getText())
        .contains("No such dashboard");
    server.expect(404, server.get(OUTSIDER, "api/v1/dashboards/" + dashboardId));
  }

  @Test
  @Order(4)
  void onAPhoneTheDashboardIsOneReadableColumn() {
    browser.emulatePhone(390, 844);
    try {
      openAs(WRITER, "#/dashboards/default");
      await().atMost(WAIT).until(() -> widgetCount() == 7);
      await()
          .atMost(WAIT)
          .until(() -> widget("streaming-health").getText().contains("jobs healthy"));
      Object columns =
          browser.js("return document.querySelector('.grid-stack').gridstack.getColumn()");
      assertThat(((Number) columns).intValue()).isEqualTo(1);
      Object overflow =
          browser.js("return document.documentElement.scrollWidth > window.innerWidth + 1");
      assertThat(overflow).isEqualTo(false);
      browser.screenshot("dashboard-04-default-390");
    } finally {
      browser.stopEmulation();
    }
  }

  private static JsonNode json(String body) {
    try {
      return UiServer.JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}

package io.tributary.ui;

import static io.tributary.ui.LineageEvents.KAFKA;
import static io.tributary.ui.LineageEvents.dataset;
import static io.tributary.ui.LineageEvents.facet;
import static io.tributary.ui.LineageEvents.run;
import static io.tributary.ui.LineageEvents.runId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.ranger.tenancy.TenantRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The governance tabs in headless Chromium: a classification rule made in the page classifies a
 * dataset; a retention rule's dry run lists what a purge would remove and a hold placed from it
 * keeps a topic; a data-quality failure shows as a badge and on the dataset's timeline. Another
 * tenant's administrator sees none of it, through the pages or the endpoints they call. Screenshots
 * at 1440x900 and 390x844 go to {@code target/screenshots/}.
 */
class GovernancePagesIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ADMIN = SecuredUiServer.user("acme", TenantRole.ADMIN);
  private static final String WRITER = SecuredUiServer.user("acme", TenantRole.WRITER);
  private static final String GLOBEX_ADMIN = SecuredUiServer.user("globex", TenantRole.ADMIN);
  private static final String ACME = "api/v1/governance/tenants/acme/";
  private static final String GLOBEX = "api/v1/governance/tenants/globex/";

  @TempDir static Path dataDir;
  private static SecuredUi ui;
  private static SecuredUiServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    ui = SecuredUi.start(dataDir, WRITER);
    server = ui.server;
    browser = ui.browser;
  }

  @AfterAll
  static void stop() {
    if (ui != null) {
      ui.close();
    }
  }

  @Test
  void shouldClassifyADatasetByARuleMadeInThePageAndShowWhatTheRuleClassified() {
    openAs(ADMIN, "#/governance?tenant=acme&tab=classification");
    waitFor("button[data-action=new-rule]").click();
    WebElement form = waitFor("[data-testid=classification-form]");
    form.findElement(By.name("classification")).sendKeys("SENSITIVE");
    new Select(form.findElement(By.name("appliesTo"))).selectByValue("dataset");
    form.findElement(By.name("pattern")).sendKeys("payments");
    form.findElement(By.name("confidence")).sendKeys("0.9");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    await().atMost(WAIT).until(() -> text("[data-testid=notice]").contains("Rules saved"));

    waitFor("[data-testid=classification-rules] tr[data-rule-index]");
    WebElement rule =
        browser
            .driver
            .findElements(By.cssSelector("[data-testid=classification-rules] tr"))
            .stream()
            .filter(r -> r.getText().contains("SENSITIVE"))
            .findFirst()
            .orElseThrow();
    WebElement count = rule.findElement(By.cssSelector("a[data-testid=classified-count]"));
    assertThat(count.getText()).isEqualTo("1");
    count.click();
    WebElement row = waitFor("[data-testid=rule-entities] tr[data-guid]");
    assertThat(browser.driver.getCurrentUrl())
        .contains("tab=classification")
        .contains("rule=" + rule.getAttribute("data-rule-index"));
    assertThat(row.getText()).contains("payments").contains("0.9");
    assertThat(row.findElement(By.cssSelector("[data-testid=source]")).getText()).isEqualTo("rule");
    shots("governance-classification");

    String guid = row.getAttribute("data-guid");
    JsonNode classified =
        json(server.get(ADMIN, "api/v1/governance/entities/" + guid + "/classifications"));
    assertThat(classified.path("classifications").toString())
        .contains("\"name\":\"SENSITIVE\"")
        .contains("\"source\":\"rule\"");
    openAs(ADMIN, "#/entity/" + guid);
    await().atMost(WAIT).until(() -> text("[data-testid=classifications]").contains("SENSITIVE"));
  }

  @Test
  void shouldDryRunARetentionRuleAndKeepATopicByAHoldPlacedFromTheReport() {
    String topic = guidOf("enriched_orders");
    openAs(ADMIN, "#/governance?tenant=acme&tab=retention");
    WebElement form = waitFor("[data-testid=retention-form]");
    form.findElement(By.name("id")).sendKeys("stale-topics");
    form.findElement(By.name("olderThan")).sendKeys("PT1S");
    form.findElement(By.name("typeName")).sendKeys("kafka_topic");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor("[data-testid=retention-rules] tr[data-rule='stale-topics']");

    waitFor("button[data-action=dry-run]").click();
    // The topics are a second old at the earliest: the dry run is run again until they are.
    WebElement row =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  List<WebElement> rows =
                      browser.driver.findElements(
                          By.cssSelector(
                              "[data-testid=would-remove] tr[data-guid='" + topic + "']"));
                  if (rows.isEmpty()) {
                    browser
                        .driver
                        .findElements(By.cssSelector("button[data-action=dry-run]"))
                        .stream()
                        .findFirst()
                        .ifPresent(WebElement::click);
                  }
                  return rows;
                },
                rows -> !rows.isEmpty())
            .get(0);
    assertThat(browser.driver.getCurrentUrl()).contains("dryrun=1");
    assertThat(row.getText()).contains("stale-topics");
    shots("governance-retention-dry-run");

    row.findElement(By.cssSelector("button[data-action=hold]")).click();
    WebElement held = waitFor("[data-testid=held] tr[data-guid='" + topic + "']");
    String hold =
        json(server.get(ADMIN, ACME + "legal-holds")).path("holds").get(0).path("id").asText();
    assertThat(held.getText()).contains("stale-topics").contains(hold);
    assertThat(
            browser.driver.findElements(
                By.cssSelector("[data-testid=would-remove] tr[data-guid='" + topic + "']")))
        .as("held: no longer among what a purge removes")
        .isEmpty();
    WebElement holdRow = waitFor("[data-testid=holds] tr[data-hold='" + hold + "']");
    assertThat(holdRow.getText()).contains("enriched_orders");
    assertThat(holdRow.findElement(By.cssSelector("a")).getAttribute("href")).endsWith(topic);
    assertThat(json(server.get(ADMIN, ACME + "retention/dry-run")).path("held").toString())
        .contains(topic);
    shots("governance-retention-held");

    // Deleting asks once more, in place.
    WebElement rule = waitFor("[data-testid=retention-rules] tr[data-rule='stale-topics']");
    rule.findElement(By.cssSelector("button[data-action=delete]")).click();
    waitFor(
            "[data-testid=retention-rules] tr[data-rule='stale-topics'] button[data-action=confirm]")
        .click();
    await()
        .atMost(WAIT)
        .until(
            () ->
                browser
                    .driver
                    .findElements(
                        By.cssSelector(
                            "[data-testid=retention-rules] tr[data-rule='stale-topics']"))
                    .isEmpty());
    assertThat(json(server.get(ADMIN, ACME + "retention-rules")).toString())
        .doesNotContain("stale-topics");
  }

  @Test
  void shouldShowAQualityFailureAsABadgeAndOnTheDatasetsTimeline() {
    String guid = guidOf("enriched_orders");
    String qualifiedName =
        json(server.get(ADMIN, "api/v1/entities/" + guid)).path("qualifiedName").asText();
    openAs(ADMIN, "#/governance?tenant=acme&tab=quality");
    WebElement form = waitFor("[data-testid=quality-form]");
    form.findElement(By.name("id")).sendKeys("enriched-rows");
    new Select(form.findElement(By.name("scope"))).selectByValue("dataset");
    waitFor("[data-testid=quality-form] input[name=scopeValue]").sendKeys(qualifiedName);
    form.findElement(By.name("min")).sendKeys("10000");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor("[data-testid=quality-rules] tr[data-rule='enriched-rows']");

    writeRows(guid, "q-1", "2026-03-02T10:00:00Z", 20_000, true);
    writeRows(guid, "q-2", "2026-03-02T11:00:00Z", 400, false);

    openAs(ADMIN, "#/governance?tenant=acme&tab=quality");
    WebElement row = waitFor("[data-testid=quality-datasets] tr[data-guid='" + guid + "']");
    assertThat(row.findElement(By.cssSelector("[data-testid=quality-badge]")).getText())
        .contains("1 failing");
    assertThat(row.getText()).contains("enriched-rows").contains("400");
    shots("governance-quality");

    row.findElement(By.cssSelector("a[data-testid=timeline-link]")).click();
    waitFor("[data-testid=quality-timeline] .lane[data-rule='enriched-rows']");
    assertThat(browser.driver.getCurrentUrl()).contains("dataset=" + guid);
    List<WebElement> history =
        browser.driver.findElements(By.cssSelector("[data-testid=quality-history] tbody tr"));
    assertThat(history.get(0).getText()).as("newest first").contains("fail").contains("400");
    assertThat(history)
        .anyMatch(r -> r.getText().contains("pass") && r.getText().contains("20,000"));
    assertThat(browser.driver.findElements(By.cssSelector(".quality-timeline rect.fail")))
        .isNotEmpty();
    assertThat(browser.driver.findElements(By.cssSelector(".quality-timeline rect.pass")))
        .isNotEmpty();
    shots("governance-quality-timeline");

    openAs(ADMIN, "#/entity/" + guid);
    assertThat(waitFor("[data-testid=quality-badge]").getText()).contains("1 failing");
    browser.driver.findElement(By.id("tab-quality")).click();
    waitFor("[data-testid=quality-timeline] .lane[data-rule='enriched-rows']");
    shots("governance-entity-quality");
  }

  @Test
  void shouldShowAnotherTenantNoneOfTheRulesHoldsAndResultsThePagesShow() {
    String guid = guidOf("orders");
    server.expect(
        200,
        server.put(
            ADMIN,
            ACME + "classification-rules",
            "{\"rules\": [{\"classification\": \"PII\", \"pattern\": \"acme-secret\"}]}"));
    server.expect(
        200, server.put(ADMIN, ACME + "retention-rules/acme-only", "{\"olderThan\": \"P9D\"}"));
    String hold =
        json(server.expect(
                201,
                server.post(
                    ADMIN,
                    ACME + "legal-holds",
                    "{\"guid\": \"" + guid + "\", \"reason\": \"acme-litigation\"}")))
            .path("id")
            .asText();
    server.expect(
        200,
        server.put(
            ADMIN,
            ACME + "quality-rules/acme-quality",
            "{\"metric\": \"rowCount\", \"dataset\": \"acme-nowhere\", \"min\": 1}"));

    // What the pages read, and what their buttons change: another tenant is 404, as if absent.
    for (String path :
        List.of(
            "classification-rules",
            "classifications?classification=PII",
            "retention-rules",
            "legal-holds",
            "retention/dry-run",
            "quality-rules",
            "quality-results",
            "quality-results?view=history&dataset=" + guid)) {
      assertThat(server.get(GLOBEX_ADMIN, ACME + path).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(
            server.put(GLOBEX_ADMIN, ACME + "classification-rules", "{\"rules\": []}").statusCode())
        .isEqualTo(404);
    assertThat(server.post(GLOBEX_ADMIN, ACME + "classifications/reevaluate", "").statusCode())
        .isEqualTo(404);
    assertThat(
            server
                .put(GLOBEX_ADMIN, ACME + "retention-rules/x", "{\"olderThan\": \"P1D\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(server.delete(GLOBEX_ADMIN, ACME + "retention-rules/acme-only").statusCode())
        .isEqualTo(404);
    assertThat(
            server.post(GLOBEX_ADMIN, ACME + "legal-holds", "{\"namespace\": \"x\"}").statusCode())
        .isEqualTo(404);
    assertThat(server.delete(GLOBEX_ADMIN, ACME + "legal-holds/" + hold).statusCode())
        .isEqualTo(404);
    assertThat(
            server
                .put(GLOBEX_ADMIN, ACME + "quality-rules/x", "{\"metric\": \"rowCount\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(server.delete(GLOBEX_ADMIN, ACME + "quality-rules/acme-quality").statusCode())
        .isEqualTo(404);
    assertThat(server.post(GLOBEX_ADMIN, ACME + "quality/freshness-check", "").statusCode())
        .isEqualTo(404);
    // Nor through its own tenant: acme's entity cannot be held there, and its lists hold none of
    // acme's.
    assertThat(
            server
                .post(GLOBEX_ADMIN, GLOBEX + "legal-holds", "{\"guid\": \"" + guid + "\"}")
                .statusCode())
        .isEqualTo(404);
    String globex =
        String.join(
            "\n",
            List.of(
                    "classification-rules",
                    "retention-rules",
                    "legal-holds",
                    "quality-rules",
                    "quality-results",
                    "quality-results?view=history")
                .stream()
                .map(p -> server.expect(200, server.get(GLOBEX_ADMIN, GLOBEX + p)).body())
                .toList());
    assertThat(globex)
        .doesNotContain("acme-secret")
        .doesNotContain("acme-only")
        .doesNotContain(hold)
        .doesNotContain("acme-quality")
        .doesNotContain(guid);
    assertThat(server.get(ADMIN, ACME + "legal-holds").body()).contains(hold);

    openAs(GLOBEX_ADMIN, "#/governance?tenant=acme&tab=retention");
    assertThat(waitFor(".error-banner").getText()).isNotBlank();
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .doesNotContain(hold)
        .doesNotContain("acme-only");
    server.expect(204, server.delete(ADMIN, ACME + "legal-holds/" + hold));
  }

  /** A run of the enriching job that writes {@code rows} rows; waits for the rule's outcome. */
  private static void writeRows(String guid, String run, String time, long rows, boolean passes) {
    String event =
        run(
            "COMPLETE",
            time,
            runId(run),
            "streaming",
            "enrich-orders",
            "FLINK",
            List.of(dataset(KAFKA, "orders", "")),
            List.of(
                dataset(
                    KAFKA,
                    "enriched_orders",
                    facet("dataQualityMetrics", "\"rowCount\":" + rows + ",\"columnMetrics\":{}"))),
            "");
    assertThat(server.post(WRITER, "api/v1/lineage", event).statusCode() / 100).isEqualTo(2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                json(server.get(ADMIN, ACME + "quality-results?dataset=" + guid))
                    .path("results")
                    .findValues("passed")
                    .stream()
                    .anyMatch(p -> p.asBoolean() == passes));
  }

  private static String guidOf(String topic) {
    for (JsonNode e :
        json(server.get(SecuredUiServer.PLATFORM, "api/v1/entities?type=kafka_topic&tenant=acme"))
            .path("entities")) {
      if (e.path("name").asText().equals(topic)) {
        return e.path("guid").asText();
      }
    }
    throw new AssertionError("no topic " + topic);
  }

  private static WebElement waitFor(String css) {
    return await()
        .atMost(WAIT)
        .until(() -> browser.driver.findElements(By.cssSelector(css)), l -> !l.isEmpty())
        .get(0);
  }

  private static String text(String css) {
    return browser.driver.findElements(By.cssSelector(css)).stream()
        .map(WebElement::getText)
        .findFirst()
        .orElse("");
  }

  /** The page at 1440x900 and on a 390x844 phone. */
  private static void shots(String name) {
    browser.screenshot(name + "-1440x900");
    browser.emulatePhone(390, 844);
    browser.screenshot(name + "-390x844");
    browser.stopEmulation();
  }

  private static void openAs(String user, String hash) {
    ui.open(user, hash);
  }

  private static JsonNode json(HttpResponse<String> response) {
    return SecuredUiServer.json(response);
  }
}

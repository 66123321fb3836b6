package io.tributary.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.ranger.tenancy.TenantRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The governance inbox in headless Chromium: a writer proposes a description and hands the tenant's
 * administrator a task; the administrator finds both in their inbox, approves the proposal from it
 * (the description is applied), and comments on the task. Screenshots at 1440x900 and 390x844 go to
 * {@code target/screenshots/}.
 */
class GovernanceInboxIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ADMIN = SecuredUiServer.user("acme", TenantRole.ADMIN);
  private static final String WRITER = SecuredUiServer.user("acme", TenantRole.WRITER);
  private static final String BASE = "api/v1/governance/tenants/acme/";

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
  void shouldApproveAProposalFromTheInboxAndCommentOnATask() {
    JsonNode dataset =
        json(server.get(
                SecuredUiServer.PLATFORM, "api/v1/entities?type=kafka_topic&tenant=acme&limit=1"))
            .path("entities")
            .get(0);
    String guid = dataset.path("guid").asText();
    String proposal =
        json(server.expect(
                201,
                server.post(
                    WRITER,
                    BASE + "proposals",
                    "{\"kind\": \"description\", \"guid\": \""
                        + guid
                        + "\", \"change\": {\"description\": \"Orders as the shop takes them\"},"
                        + " \"reason\": \"nobody could tell what it holds\"}")))
            .path("id")
            .asText();
    String task =
        json(server.expect(
                201,
                server.post(
                    WRITER,
                    BASE + "tasks",
                    "{\"title\": \"Check who may read the orders\", \"guid\": \""
                        + guid
                        + "\", \"assignee\": \""
                        + ADMIN
                        + "\"}")))
            .path("id")
            .asText();

    openAs(ADMIN, "#/governance?tenant=acme");
    WebElement row =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    browser.driver.findElements(
                        By.cssSelector(
                            "[data-testid=inbox-proposals] tr[data-proposal='" + proposal + "']")),
                rows -> !rows.isEmpty())
            .get(0);
    assertThat(row.getText()).contains("Orders as the shop takes them").contains(WRITER);
    assertThat(
            browser.driver.findElements(
                By.cssSelector("[data-testid=inbox-tasks] tr[data-task='" + task + "']")))
        .hasSize(1);
    browser.screenshot("governance-inbox-1440x900");
    browser.emulatePhone(390, 844);
    browser.screenshot("governance-inbox-390x844");
    browser.stopEmulation();

    row.findElement(By.cssSelector("button[data-action=approve]")).click();
    await()
        .atMost(WAIT)
        .until(
            () ->
                browser.driver.findElements(By.cssSelector("[data-testid=notice]")).stream()
                    .anyMatch(n -> n.getText().contains("applied")));
    assertThat(
            browser.driver.findElements(
                By.cssSelector(
                    "[data-testid=inbox-proposals] tr[data-proposal='" + proposal + "']")))
        .as("decided: no longer in the inbox")
        .isEmpty();
    assertThat(json(server.get(WRITER, "api/v1/entities/" + guid)).toString())
        .contains("Orders as the shop takes them");
    browser.screenshot("governance-approved-1440x900");

    browser
        .driver
        .findElement(By.cssSelector("[data-testid=inbox-tasks] tr[data-task='" + task + "'] a"))
        .click();
    WebElement comment =
        await()
            .atMost(WAIT)
            .until(() -> browser.driver.findElements(By.id("comment-text")), l -> !l.isEmpty())
            .get(0);
    comment.sendKeys("Only the finance group should");
    browser
        .driver
        .findElement(By.cssSelector("[data-testid=task] form button[type=submit]"))
        .click();
    await()
        .atMost(WAIT)
        .until(
            () ->
                browser.driver.findElements(By.cssSelector("[data-testid=comments] li")).stream()
                    .anyMatch(li -> li.getText().contains("Only the finance group should")));
    browser.screenshot("governance-task-1440x900");
    browser.emulatePhone(390, 844);
    browser.screenshot("governance-task-390x844");
    browser.stopEmulation();
    assertThat(
            json(server.get(ADMIN, BASE + "tasks/" + task))
                .path("comments")
                .get(0)
                .path("user")
                .asText())
        .isEqualTo(ADMIN);

    server.expect(
        200,
        server.put(
            ADMIN,
            "api/v1/governance/entities/" + guid + "/stewardship",
            "{\"owners\": [\"shop-team\"], \"stewards\": [\"" + ADMIN + "\"]}"));
    openAs(ADMIN, "#/entity/" + guid);
    await()
        .atMost(WAIT)
        .until(
            () ->
                browser.driver.findElements(By.cssSelector("[data-testid=stewards]")).stream()
                    .anyMatch(s -> s.getText().contains(ADMIN)));
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=owners]")).getText())
        .contains("shop-team")
        .contains("set by a steward");
    browser.screenshot("governance-entity-1440x900");
  }

  private static void openAs(String user, String hash) {
    ui.open(user, hash);
  }

  private static JsonNode json(HttpResponse<String> response) {
    return SecuredUiServer.json(response);
  }
}

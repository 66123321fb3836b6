package io.tributary.ui;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * What the lineage explorer's browser tests share: a UI server fed the example estate, headless
 * Chromium on it, pages opened afresh, and the explorer's graph snapshot ({@code page-probe.js})
 * awaited until laid out, drawn and idle.
 */
final class ExplorerSession implements AutoCloseable {
  private final UiServer server;
  private Browser browser;

  private ExplorerSession(UiServer server) {
    this.server = server;
  }

  /** Starts both, the browser with a window of {@code width} × {@code height}. */
  static ExplorerSession start(int width, int height) {
    Assumptions.assumeTrue(
        Browser.available() || System.getenv("CI") != null,
        "needs Debian's chromium and chromium-driver");
    ExplorerSession session = new ExplorerSession(UiServer.start());
    LineageEvents.estate().forEach(session.server::ingest);
    session.browser = Browser.start(width, height);
    return session;
  }

  UiServer server() {
    return server;
  }

  Browser browser() {
    return browser;
  }

  /** Loads the page afresh, so that no test sees the state another left behind. */
  void open(String hash) {
    browser.driver.get("about:blank");
    browser.driver.get(server.url("") + hash);
  }

  /** The explorer's snapshot, or null while it has none. */
  JsonNode graph() {
    Object text =
        browser.js("return JSON.stringify(window.__tributary && window.__tributary.graph)");
    try {
      return UiServer.JSON.readTree(String.valueOf(text));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Waits until the graph around {@code focus} is laid out, drawn and idle. */
  void awaitReady(String focus, Duration wait) {
    await().atMost(wait).until(() -> isReady(graph(), focus));
  }

  /** Whether a graph snapshot or status is of {@code focus}, laid out, drawn and idle. */
  static boolean isReady(JsonNode g, String focus) {
    return g != null
        && g.path("focus").asText().equals(focus)
        && !g.path("readyAt").isNull()
        && !g.path("busy").asBoolean();
  }

  @Override
  public void close() {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }
}

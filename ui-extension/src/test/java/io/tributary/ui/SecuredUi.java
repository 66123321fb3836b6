package io.tributary.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * A secured server holding the lineage estate (tenants acme and globex, written by acme's writer)
 * and a headless Chromium at 1440x900 to look at it with: what the governance browser tests share.
 */
final class SecuredUi implements AutoCloseable {
  final SecuredUiServer server;
  final Browser browser;

  private SecuredUi(SecuredUiServer server, Browser browser) {
    this.server = server;
    this.browser = browser;
  }

  static SecuredUi start(Path dataDir, String writer) {
    SecuredUiServer server = SecuredUiServer.withEstate(dataDir, List.of("acme", "globex"), writer);
    try {
      return new SecuredUi(server, Browser.start(1440, 900));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** Opens {@code hash} of the web UI as {@code user}. */
  void open(String user, String hash) {
    server.open(browser, user, hash);
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      server.close();
    }
  }
}

package io.tributary.ui;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.openqa.selenium.By;

/** What the dashboard browser tests do the way a person does it. */
final class DashboardPages {
  private static final String PREFIX = "#/dashboards/";

  private DashboardPages() {}

  /**
   * On the dashboards page, makes a new dashboard from the "More" menu and waits until it is open
   * for editing.
   *
   * @return the new dashboard's id, from the URL
   */
  static String createNew(Browser browser, Duration wait) {
    await().atMost(wait).until(() -> !browser.driver.findElements(By.id("dash-new")).isEmpty());
    browser.driver.findElement(By.cssSelector(".dash-more summary")).click();
    browser.driver.findElement(By.id("dash-new")).click();
    await()
        .atMost(wait)
        .until(
            () ->
                String.valueOf(browser.js("return location.hash"))
                        .matches("#/dashboards/[0-9a-f-]{36}")
                    && !browser.driver.findElements(By.id("dash-add")).isEmpty());
    return String.valueOf(browser.js("return location.hash")).substring(PREFIX.length());
  }
}

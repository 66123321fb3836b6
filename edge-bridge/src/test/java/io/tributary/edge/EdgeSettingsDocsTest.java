package io.tributary.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EdgeSettingsDocsTest {
  /** The test runs in edge-bridge/; the page lives in the repository's docs/. */
  private static final Path PAGE = Path.of("..", "docs", "edge.md");

  private static final String START = "<!-- edge-settings:start -->\n";
  private static final String END = "<!-- edge-settings:end -->";

  @Test
  void shouldDocumentEveryKeyAsDeclared() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    String table = EdgeSettings.referenceTable();
    int from = page.indexOf(START) + START.length();
    int to = page.indexOf(END);
    if (Boolean.getBoolean("tributary.docs.write")) {
      page = page.substring(0, from) + table + page.substring(to);
      Files.writeString(PAGE, page, StandardCharsets.UTF_8);
      to = page.indexOf(END);
    }

    assertThat(page.substring(from, to))
        .as(
            "docs/edge.md's key table differs from EdgeSettings. Regenerate it with: ./mvnw -B -pl"
                + " edge-bridge -am test -Dtest=EdgeSettingsDocsTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dtributary.docs.write=true")
        .isEqualTo(table);
  }
}

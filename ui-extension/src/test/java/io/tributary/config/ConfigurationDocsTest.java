package io.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigurationDocsTest {
  /** The test runs in ui-extension/; the page lives in the repository's docs/. */
  private static final Path PAGE = Path.of("..", "docs", "configuration.md");

  private static final String REGENERATE =
      "docs/configuration.md differs from the declarations in io.tributary.config.Settings."
          + " Regenerate it with: ./mvnw -B -pl ui-extension test -Dtest=ConfigurationDocsTest"
          + " -Dtributary.docs.write=true";

  @Test
  void shouldMatchTheCommittedReferencePage() throws IOException {
    String expected = ConfigDocs.markdown();
    if (Boolean.getBoolean("tributary.docs.write")) {
      Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
    }

    String committed = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";

    assertThat(committed).as(REGENERATE).isEqualTo(expected);
  }

  @Test
  void shouldDocumentEveryKeyAndPrefix() {
    String page = ConfigDocs.markdown();

    Settings.ALL.forEach(s -> assertThat(page).contains("`" + s.name() + "`"));
    Settings.PREFIXES.forEach(p -> assertThat(page).contains("`" + p.prefix() + "*`"));
    assertThat(page).doesNotContain("s3cr3t");
  }
}

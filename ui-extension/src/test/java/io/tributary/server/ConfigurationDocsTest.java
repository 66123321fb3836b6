package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigurationDocsTest {
  /** The test runs in ui-extension/; the page lives in the repository's docs/. */
  private static final Path PAGE = Path.of("..", "docs", "configuration.md");

  private static final String REGENERATE =
      "docs/configuration.md differs from the modules' declarations gathered in"
          + " io.tributary.server.Settings. Regenerate it with: ./mvnw -B -pl ui-extension -am"
          + " test -Dtest=ConfigurationDocsTest -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dtributary.docs.write=true";

  @Test
  void shouldMatchTheCommittedReferencePage() throws IOException {
    String expected = Settings.referencePage();
    if (Boolean.getBoolean("tributary.docs.write")) {
      Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
    }

    String committed = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";

    assertThat(committed).as(REGENERATE).isEqualTo(expected);
  }

  @Test
  void shouldDocumentEveryKeyAndPrefixOfEveryModule() {
    String page = Settings.referencePage();

    Settings.ALL.settings().forEach(s -> assertThat(page).contains("`" + s.name() + "`"));
    Settings.ALL.prefixes().forEach(p -> assertThat(page).contains("`" + p.prefix() + "*`"));
    assertThat(Settings.ALL.settings())
        .extracting(Setting::name)
        .contains("server.port", "ingest.batch.max", "catalog.backend", "auth.jwt.issuer")
        .contains("policy.source", "audit.sink", "quota.default.burst", "config.file");
    assertThat(page).doesNotContain("s3cr3t");
  }
}

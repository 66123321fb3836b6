package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningCatalogTest {

  @Test
  void shouldSayWhichDependencyIsMissingWhenNoServerProviderIsOnTheClassPath(@TempDir Path dir) {
    // The kit's own tests cannot see the server's module (it depends on the kit).
    assertThatThrownBy(() -> RunningCatalog.start(dir, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(CatalogServerProvider.class.getName())
        .hasMessageContaining("io.tributary:ui-extension");
  }
}

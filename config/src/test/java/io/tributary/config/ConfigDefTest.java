package io.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigDefTest {
  private static final Setting<Integer> BATCH =
      Setting.of("ingest.batch.max", ValueType.integer(1, 100), 10, "Batch size.");
  private static final Setting<Integer> SAME_NAME =
      Setting.of("ingest.batch.max", ValueType.integer(1, 1000), 20, "Batch size again.");
  private static final Setting<Duration> INTERVAL =
      Setting.of("a.interval.ms", ValueType.millis(1000), Duration.ofMinutes(1), "Interval.")
          .withDefaultDoc("$INTERVAL, else `60000`");

  @Test
  void shouldRefuseAKeyDeclaredByTwoModules() {
    assertThatThrownBy(() -> ConfigDef.concat(ConfigDef.of(BATCH), ConfigDef.of(SAME_NAME)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ingest.batch.max' is declared twice");
  }

  @Test
  void shouldListKeysByNameForAReferencePage() {
    ConfigDef def = ConfigDef.of(BATCH, INTERVAL).sorted();

    assertThat(def.settings())
        .extracting(Setting::name)
        .containsExactly("a.interval.ms", "ingest.batch.max");
  }

  @Test
  void shouldRenderTypeDefaultAndComputedDefault() {
    String table = ConfigDocs.keysTable(ConfigDef.of(BATCH, INTERVAL));

    assertThat(table)
        .contains("| `ingest.batch.max` | integer 1..100 | `10` | Batch size. |")
        .contains(
            "| `a.interval.ms` | milliseconds >= 1000 | $INTERVAL, else `60000` | Interval. |");
  }

  @Test
  void shouldParseWholeMillisecondsAndOpenEndedIntegers() {
    assertThat(ValueType.millis(1000).parse().apply("5000")).isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> ValueType.millis(1000).parse().apply("10"))
        .hasMessageContaining("below 1000 ms");
    assertThatThrownBy(() -> ValueType.millis(1).parse().apply("5s"))
        .hasMessageContaining("not a whole number");
    assertThat(ValueType.integer(2, Integer.MAX_VALUE).name()).isEqualTo("integer >= 2");
  }
}

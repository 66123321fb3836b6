package io.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagsTest {
  private static final Setting<Integer> PORT =
      Setting.of("server.port", ValueType.integer(0, 65535), 8080, "The port.");
  private static final Setting<String> HOST =
      Setting.of("server.host", ValueType.string(), "0.0.0.0", "The host.");

  @Test
  void shouldLetAGivenOptionWinOverTheSetPairOfItsKey() {
    Map<String, String> flags =
        Flags.of(Map.of("server.port", "1", "ingest.batch.max", "9")).with(PORT, "2").toMap();

    assertThat(flags)
        .containsExactlyInAnyOrderEntriesOf(Map.of("server.port", "2", "ingest.batch.max", "9"));
  }

  @Test
  void shouldLeaveTheKeyOfAnOptionNotGivenToTheOtherSources() {
    assertThat(Flags.of(Map.of("server.host", "::1")).with(HOST, null).with(PORT, null).toMap())
        .containsExactly(Map.entry("server.host", "::1"));
  }
}

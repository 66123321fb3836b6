package io.tributary.catalog.janus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributeMergeTest {
  @Test
  void shouldReadStoredTimesAsInstantParseDoes() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-62_000_000_000L, 250_000_000_000L);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      String text = Instant.ofEpochSecond(seconds, nanos).toString();

      assertThat(AttributeMerge.instant(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void shouldReadLeapDaysAndTheEdgesOfTheDay() {
    for (String text :
        new String[] {
          "2024-02-29T23:59:59.999999999Z",
          "2000-02-29T00:00:00Z",
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59.5Z",
          "0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59Z"
        }) {
      assertThat(AttributeMerge.instant(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void shouldLeaveWhatInstantToStringNeverWritesToTheGeneralParser() {
    assertThat(AttributeMerge.instant("+10000-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
    assertThatThrownBy(() -> AttributeMerge.instant("2026-13-01T00:00:00Z"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> AttributeMerge.instant("2026-01-01T00:00:0xZ"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> AttributeMerge.instant("not a time"))
        .isInstanceOf(DateTimeParseException.class);
  }
}

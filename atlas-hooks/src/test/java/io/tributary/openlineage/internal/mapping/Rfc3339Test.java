package io.tributary.openlineage.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-01T12:00:00Z",
        "2026-03-01T12:00:00.5Z",
        "2026-03-01T12:00:00.123456789Z",
        "2026-03-01T12:00:00.123+02:00",
        "2026-03-01T00:30:00-09:30",
        "2024-02-29T23:59:59.999999Z",
        "1970-01-01T00:00:00+00:00"
      })
  void shouldReadTheCommonShapeByPositionAsJavaTimeReadsIt(String timestamp) {
    assertThat(Rfc3339.parseCommon(timestamp))
        .isEqualTo(OffsetDateTime.parse(timestamp).toInstant());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-01 12:00:00Z",
        "2026-03-01t12:00:00Z",
        "2026-03-01T12:00:00z",
        "2026-03-01T23:59:60Z",
        "2026-03-01T12:00:00",
        "2026-03-01T12:00:00.Z",
        "2026-03-01T12:00:00.1234567891Z",
        "2026-02-30T12:00:00Z",
        "2026-03-01T12:00:00+0200",
        "2026-03-01T24:00:00Z",
        "2026-3-01T12:00:00Z"
      })
  void shouldLeaveEveryOtherShapeToTheGeneralReader(String timestamp) {
    assertThat(Rfc3339.parseCommon(timestamp)).isNull();
  }

  @Test
  void shouldStillReadTheFormsOnlyTheGeneralReaderKnows() {
    assertThat(Rfc3339.parse("2026-03-01 12:00:00z"))
        .isEqualTo(OffsetDateTime.parse("2026-03-01T12:00:00Z").toInstant());
    assertThat(Rfc3339.parse("2026-03-01T23:59:60Z"))
        .isEqualTo(OffsetDateTime.parse("2026-03-01T23:59:59Z").toInstant());
  }
}

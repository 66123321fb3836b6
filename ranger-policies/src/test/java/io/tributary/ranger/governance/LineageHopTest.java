package io.tributary.ranger.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LineageHopTest {
  private static final String EMAIL = "signups@prod.email";

  private static LineageHop hop(String transformations, boolean masking) {
    return LineageHop.of(Map.of("transformations", transformations, "masking", masking));
  }

  @Test
  void shouldCarryADirectIdentityTransformation() {
    LineageHop hop =
        hop(
            "[{\"name\":\"signups\",\"field\":\"email\",\"type\":\"DIRECT\",\"subtype\":\"IDENTITY\"}]",
            false);
    assertThat(hop.carries(EMAIL, "email")).isTrue();
  }

  @Test
  void shouldStopAtAMaskingStepOfThatInputOnly() {
    LineageHop hop =
        hop(
            "[{\"name\":\"signups\",\"field\":\"email\",\"type\":\"DIRECT\",\"masking\":true},"
                + "{\"name\":\"signups\",\"field\":\"country\",\"type\":\"DIRECT\"}]",
            true);
    assertThat(hop.carries(EMAIL, "email")).isFalse();
    assertThat(hop.carries("signups@prod.country", "country")).isTrue();
  }

  @Test
  void shouldNotCarryThroughIndirectTransformationsAlone() {
    LineageHop hop =
        hop(
            "[{\"name\":\"signups\",\"field\":\"email\",\"type\":\"INDIRECT\",\"subtype\":\"FILTER\"}]",
            false);
    assertThat(hop.carries(EMAIL, "email")).isFalse();
  }

  @Test
  void shouldReadTheDeprecatedMaskedFormFromTheEntrysFlag() {
    LineageHop hop = hop("[{\"name\":\"signups\",\"field\":\"email\"}]", true);
    assertThat(hop.carries(EMAIL, "email")).isFalse();
    assertThat(hop("[{\"name\":\"signups\",\"field\":\"email\"}]", false).carries(EMAIL, "email"))
        .isTrue();
  }
}

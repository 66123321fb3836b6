package io.tributary.catalog.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void shouldDoubleBackoffUpToTheMaximum() {
    RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500));

    assertThat(policy.backoffBefore(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffBefore(3)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoffBefore(4)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoffBefore(5)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void shouldRejectAPolicyWithoutAttempts() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("maxAttempts 0");
  }

  @Test
  void shouldHideThePasswordInConfigText() {
    AtlasRestConfig config =
        AtlasRestConfig.of(java.net.URI.create("http://atlas:21000/"), "admin", "s3cret");

    assertThat(config.toString()).doesNotContain("s3cret").contains("****");
    assertThat(config.baseUrl().toString()).isEqualTo("http://atlas:21000");
  }
}

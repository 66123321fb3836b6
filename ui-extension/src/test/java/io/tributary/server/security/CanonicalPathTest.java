package io.tributary.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/health",
        "/api/v1/entities/0b9e6a4c-1d2f-4e5a-9b8c-7d6e5f4a3b2c",
        "/api/atlas/v2/entity/uniqueAttribute/type/kafka_topic",
        "/webjars/lit/3.3.1/index.js",
        "/api/v1/tenants/acme/shares/orders%40prod",
        "/api/v1/entities/a%20b",
        "/api/v1/entities/caf%C3%A9",
        "/api/v1/entities/x:y@z!$&'()*+,=~_-"
      })
  void shouldAcceptCanonicalPaths(String path) {
    assertThat(CanonicalPath.violation(path)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "*",
        "api/v1/stats",
        "http://localhost/api/v1/stats",
        "/api;x/v1/stats",
        "/api;x=1/v1/stats",
        "/api;/v1/stats",
        "/metrics;x=1",
        "/metrics/",
        "/metrics/;",
        "/api/v1/stats/",
        "//api/v1/stats",
        "/api//v1/stats",
        "/api/v1/../v1/stats",
        "/api/v1/./stats",
        "/api/v1/stats/.",
        "/api/v1/stats/..",
        "/api/v1/%2e%2e/v1/stats",
        "/api/v1/%2E/stats",
        "/api/v1/.%2e/v1/stats",
        "/api%2fv1/stats",
        "/api%2Fv1/stats",
        "/api%5cv1/stats",
        "/api\\v1/stats",
        "/health/{x}",
        "/health/[x]",
        "/health/|x",
        "/health/\"x",
        "/health/<x>",
        "/health/x^y",
        "/health/`x`",
        "/health/x y",
        "/health/x#y",
        "/health/%zz",
        "/health/%4",
        "/health/%",
        "/health/%00",
        "/health/%0a",
        "/health/%7F",
        "/h%65alth",
        "/%68ealth",
        "/api/v1/entities/%7Ex",
        "/api/v1/entities/x%2Dy",
        "/health/caf\u00e9"
      })
  void shouldRefuseEveryOtherSpelling(String path) {
    assertThat(CanonicalPath.violation(path)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/metrics;x=1", "/api/v1/stats/", "/api/v1/%2e%2e/v1/stats", "/health/{x}"})
  void shouldSayWhatIsWrongWithoutRepeatingThePath(String path) {
    assertThat(CanonicalPath.violation(path))
        .hasValueSatisfying(v -> assertThat(v).doesNotContain(path));
  }
}

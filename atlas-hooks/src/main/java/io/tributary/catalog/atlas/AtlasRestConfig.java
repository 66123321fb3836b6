package io.tributary.catalog.atlas;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach Atlas's REST API.
 *
 * @param baseUrl Atlas's root, such as {@code http://atlas:21000}
 * @param password never printed: {@link #toString()} hides it
 */
public record AtlasRestConfig(
    URI baseUrl, String username, String password, Duration requestTimeout, RetryPolicy retry) {
  public AtlasRestConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retry, "retry");
    String text = baseUrl.toString();
    if (text.endsWith("/")) {
      baseUrl = URI.create(text.substring(0, text.length() - 1));
    }
  }

  public static AtlasRestConfig of(URI baseUrl, String username, String password) {
    return new AtlasRestConfig(
        baseUrl, username, password, Duration.ofSeconds(30), RetryPolicy.DEFAULT);
  }

  public AtlasRestConfig withRetry(RetryPolicy policy) {
    return new AtlasRestConfig(baseUrl, username, password, requestTimeout, policy);
  }

  @Override
  public String toString() {
    return "AtlasRestConfig[baseUrl="
        + baseUrl
        + ", username="
        + username
        + ", password="
        + (password == null ? "none" : "****")
        + ", requestTimeout="
        + requestTimeout
        + ", retry="
        + retry
        + "]";
  }
}

package io.tributary.ranger.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each quality alert as JSON to a webhook, asynchronously; failures are logged, not retried.
 */
public final class WebhookAlerts implements Consumer<JsonNode> {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookAlerts.class);

  private final URI url;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public WebhookAlerts(URI url) {
    this.url = Objects.requireNonNull(url, "url");
  }

  @Override
  public void accept(JsonNode alert) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(alert.toString()))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                LOG.warn("quality alert to {} failed: {}", url, error.toString());
              } else if (response.statusCode() >= 300) {
                LOG.warn("quality alert to {} answered {}", url, response.statusCode());
              }
            });
  }
}

package io.tributary.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.Objects;

/** {@code GET /metrics}: every meter in Prometheus' text format. */
@Path("/metrics")
public final class MetricsResource {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  public MetricsResource(PrometheusMeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @GET
  @Produces(PROMETHEUS_TEXT)
  public String scrape() {
    return registry.scrape();
  }
}

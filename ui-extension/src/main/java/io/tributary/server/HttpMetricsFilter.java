package io.tributary.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Times every request as {@code http.server.requests}, tagged with method, status and the matched
 * path template ({@code /api/v1/entities/{guid}}, never the raw path, so that the number of series
 * stays bounded).
 */
@PreMatching
public final class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String START = HttpMetricsFilter.class.getName() + ".start";

  private final MeterRegistry registry;

  public HttpMetricsFilter(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(START, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object start = request.getProperty(START);
    if (!(start instanceof Long nanos)) {
      return;
    }
    int status = response.getStatus();
    Timer.builder("http.server.requests")
        .description("HTTP requests by method, path template and status")
        .tag("method", request.getMethod())
        .tag("uri", template(request.getUriInfo(), status))
        .tag("status", String.valueOf(status))
        .tag("outcome", outcome(status))
        .register(registry)
        .record(System.nanoTime() - nanos, TimeUnit.NANOSECONDS);
  }

  private static String template(UriInfo uriInfo, int status) {
    if (uriInfo instanceof ExtendedUriInfo extended) {
      List<UriTemplate> templates = extended.getMatchedTemplates();
      if (!templates.isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
          String t = templates.get(i).getTemplate();
          if (!t.startsWith("/") && !path.toString().endsWith("/")) {
            path.append('/');
          }
          path.append(t);
        }
        String out = path.toString().replaceAll("/+", "/");
        return out.isEmpty() ? "/" : out;
      }
    }
    return status == 404 ? "NOT_FOUND" : "UNKNOWN";
  }

  private static String outcome(int status) {
    if (status < 200) {
      return "INFORMATIONAL";
    }
    if (status < 300) {
      return "SUCCESS";
    }
    if (status < 400) {
      return "REDIRECTION";
    }
    return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
  }
}

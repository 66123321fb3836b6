package io.tributary.server.layout;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/layout/layered}: lays out a graph the browser sends (nodes with sizes, edges)
 * with ELK's layered algorithm and answers with node centres and edge routes.
 */
@Path("/api/v1/layout")
public final class LayoutResource {
  private static final Logger LOG = LoggerFactory.getLogger(LayoutResource.class);
  private static final String PROBLEM_JSON = "application/problem+json";

  private final LayeredLayout layered;
  // Layouts are CPU-bound: more at once than there are cores only makes each one slower.
  private final Semaphore running;

  public LayoutResource(LayeredLayout layered, int maxConcurrent) {
    this.layered = Objects.requireNonNull(layered, "layered");
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent " + maxConcurrent + " must be positive");
    }
    this.running = new Semaphore(maxConcurrent, true);
  }

  public LayoutResource() {
    this(new LayeredLayout(), Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  @POST
  @Path("layered")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
  public Response layered(LayoutRequest request) throws InterruptedException {
    if (request == null) {
      return problem(Response.Status.BAD_REQUEST, "A layout request needs a JSON body");
    }
    if (!running.tryAcquire(30, TimeUnit.SECONDS)) {
      return problem(Response.Status.SERVICE_UNAVAILABLE, "Too many layouts running; retry");
    }
    try {
      LayoutResult result = layered.layout(request);
      LOG.debug(
          "layout: {} nodes, {} edges in {} ms",
          request.nodes().size(),
          request.edges().size(),
          result.millis());
      return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
    } catch (IllegalArgumentException e) {
      return problem(Response.Status.BAD_REQUEST, e.getMessage());
    } finally {
      running.release();
    }
  }

  private static Response problem(Response.Status status, String detail) {
    return Response.status(status)
        .type(PROBLEM_JSON)
        .entity(
            Map.of(
                "type",
                "about:blank",
                "title",
                status.getReasonPhrase(),
                "status",
                status.getStatusCode(),
                "detail",
                detail))
        .build();
  }
}

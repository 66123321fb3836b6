package io.tributary.server;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/** {@code GET /health}: 200 {@code UP} while the server accepts events, 503 {@code DOWN} else. */
@Path("/health")
public final class HealthResource {
  private final BooleanSupplier accepting;

  public HealthResource(BooleanSupplier accepting) {
    this.accepting = Objects.requireNonNull(accepting, "accepting");
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    boolean up = accepting.getAsBoolean();
    return Response.status(up ? 200 : 503)
        .entity("{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}")
        .build();
  }
}

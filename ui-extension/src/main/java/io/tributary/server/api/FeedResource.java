package io.tributary.server.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Objects;

/**
 * {@code GET /api/v1/feed}: committed changes as Server-Sent Events ({@code id:} the sequence,
 * {@code event:} the kind, {@code data:} the change as JSON). Resumes after {@code Last-Event-ID}
 * or {@code ?after=}.
 */
@Path("/api/v1/feed")
public final class FeedResource {
  private final FeedStreams streams;

  public FeedResource(FeedStreams streams) {
    this.streams = Objects.requireNonNull(streams, "streams");
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void feed(
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") String after,
      @Context SseEventSink sink,
      @Context Sse sse) {
    long from =
        lastEventId != null && !lastEventId.isBlank()
            ? Params.sequence("Last-Event-ID", lastEventId)
            : Params.sequence("after", after);
    streams.open(from, sink, sse);
  }
}

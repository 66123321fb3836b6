package io.tributary.server.api;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityRef;
import io.tributary.catalog.Visibility;
import io.tributary.ranger.AccessType;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/feed}: committed changes as Server-Sent Events ({@code id:} the sequence,
 * {@code event:} the kind, {@code data:} the change as JSON). Resumes after {@code Last-Event-ID}
 * or {@code ?after=}. Each subscriber gets only changes of entities it may read (a relationship
 * change only when it may read both ends), decided with the policies in force when the change is
 * sent. A change of a column or column lineage entry is sent exactly to those who may read its
 * dataset, its deletion too (the deletion event names the dataset as its target).
 */
@Path("/api/v1/feed")
public final class FeedResource {
  private final FeedStreams streams;
  private final Catalog catalog;

  public FeedResource(FeedStreams streams, Catalog catalog) {
    this.streams = Objects.requireNonNull(streams, "streams");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void feed(
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") String after,
      @Context SseEventSink sink,
      @Context Sse sse,
      @Context ContainerRequestContext context) {
    long from =
        lastEventId != null && !lastEventId.isBlank()
            ? Params.sequence("Last-Event-ID", lastEventId)
            : Params.sequence("after", after);
    streams.open(from, sink, sse, visibleTo(Caller.of(context).following(AccessType.READ)));
  }

  private Predicate<ChangeEvent> visibleTo(Visibility visibility) {
    return event -> {
      if (event.kind() == ChangeEvent.Kind.ENTITY_DELETED) {
        return deletionVisible(event, visibility);
      }
      return readable(event.subject(), visibility)
          && (event.target() == null || readable(event.target(), visibility));
    };
  }

  /**
   * A deleted entity is gone from the catalog: decided on its key alone (tenant, and the name's
   * namespace). A deleted dependent is decided as its dataset (the event's target): as that dataset
   * is now, or on the dataset's key alone when it is gone too.
   */
  private boolean deletionVisible(ChangeEvent event, Visibility visibility) {
    EntityRef dataset = event.target();
    if (dataset != null && catalog.get(dataset.guid(), Visibility.all()).isPresent()) {
      return readable(dataset, visibility);
    }
    EntityRef ref = dataset != null ? dataset : event.subject();
    return visibility.canSee(
        new Entity(ref.guid(), ref.key(), null, Map.of(), Set.of(), null, null));
  }

  /** Decided on the entity as it is now, with its attributes and classifications. */
  private boolean readable(EntityRef ref, Visibility visibility) {
    return catalog.get(ref.guid(), visibility).isPresent();
  }
}

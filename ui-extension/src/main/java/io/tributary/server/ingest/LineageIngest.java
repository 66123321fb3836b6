package io.tributary.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.MutationResult;
import io.tributary.contract.IngestHeaders;
import io.tributary.contract.schema.EventWarning;
import io.tributary.contract.schema.Violation;
import io.tributary.ingest.BatchTooLargeException;
import io.tributary.ingest.EventLimitException;
import io.tributary.ingest.IngestJournal;
import io.tributary.ingest.IngestPipeline;
import io.tributary.ingest.NamedTenant;
import io.tributary.openlineage.InvalidEventException;
import io.tributary.openlineage.TranslatedEvent;
import io.tributary.ranger.AccessDeniedException;
import io.tributary.server.problem.ApiException;
import io.tributary.server.problem.Problem;
import io.tributary.server.problem.ProblemMapper;
import io.tributary.server.problem.ProblemTypes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * OpenLineage ingest over HTTP: the HTTP side of the {@link IngestPipeline}. It checks the shared
 * API key, reads the body within its size limit, passes the tenant the request names ({@value
 * IngestHeaders#HTTP_TENANT} or {@code ?tenant=}) and the caller's admission to the pipeline, and
 * answers what the pipeline did: 201 once committed, with the event's warnings, or a problem.
 *
 * <p>In a cluster the pipeline's acceptance point is the Kafka ingest journal: an event is answered
 * 202 once Kafka acknowledged it, with its journal position; whichever server owns its partition
 * applies it shortly after (docs/scale-out.md).
 */
public final class LineageIngest {
  private final EventBodyReader reader;
  private final IngestPipeline pipeline;
  private final byte[] apiKey;
  private final ObjectMapper json;

  /**
   * @param apiKey a shared key clients must send as {@code Authorization: Bearer} while
   *     authentication is off, or null for none
   */
  public LineageIngest(
      EventBodyReader reader, IngestPipeline pipeline, String apiKey, ObjectMapper json) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.apiKey = apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8);
    this.json = Objects.requireNonNull(json, "json");
  }

  /** One event: 201 with what was written once committed. */
  public CompletableFuture<Response> one(IngestRequest request) {
    NamedTenant named = named(request);
    IngestPipeline.Prepared prepared;
    try {
      prepared = pipeline.prepare(request.caller(), named, body(request));
    } catch (EventLimitException e) {
      throw overLimit(e);
    }
    return pipeline
        .commit(prepared)
        .thenApply(
            ingested ->
                ingested.position() == null
                    ? Response.status(Response.Status.CREATED)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(committed(ingested.event(), ingested.result()).toString())
                        .build()
                    : Response.status(Response.Status.ACCEPTED)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(journaled(ingested.event(), ingested.position()).toString())
                        .build());
  }

  /**
   * A JSON array of events, each committed or refused on its own; the answer has the shape of
   * OpenLineage's batch endpoint ({@code status}, {@code summary}, {@code failed_events}).
   */
  public CompletableFuture<Response> batch(IngestRequest request) {
    NamedTenant named = named(request);
    CompletableFuture<List<IngestPipeline.BatchItem>> items;
    try {
      items = pipeline.ingestBatch(request.caller(), named, body(request));
    } catch (BatchTooLargeException e) {
      throw new ApiException(
          Problem.of(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Batch too large", e.getMessage()));
    } catch (InvalidEventException e) {
      throw new ApiException(
          Problem.of(400, ProblemTypes.INVALID_EVENT, "Not a batch", e.getMessage())
              .withViolations(e.violations()));
    }
    return items.thenApply(this::batchResponse);
  }

  /** 413 for a size limit, 422 for a count, naming the limit and the setting that raises it. */
  private ApiException overLimit(EventLimitException e) {
    Problem problem =
        Problem.of(
                status(e),
                e.limit().isSize() ? ProblemTypes.PAYLOAD_TOO_LARGE : ProblemTypes.LIMIT_EXCEEDED,
                e.limit().isSize() ? "Facet too large" : "Event over a limit",
                e.getMessage())
            .withExtension("limit", json.getNodeFactory().textNode(e.limit().key()))
            .withExtension("max", json.getNodeFactory().numberNode(e.max()));
    if (!e.pointer().isEmpty()) {
      problem = problem.withViolations(List.of(new Violation(e.pointer(), e.getMessage())));
    }
    return new ApiException(problem);
  }

  private static int status(EventLimitException e) {
    return e.limit().isSize() ? 413 : 422;
  }

  /**
   * @param status what the event alone would have been answered: 400, 403, 413, 422 or 500
   */
  private record Failure(int index, String reason, int status, List<Violation> violations) {
    boolean retriable() {
      return status >= 500;
    }

    static Failure of(int index, Throwable error) {
      if (error instanceof InvalidEventException invalid) {
        return new Failure(index, invalid.getMessage(), 400, invalid.violations());
      }
      if (error instanceof AccessDeniedException denied) {
        return new Failure(index, denied.getMessage(), 403, List.of());
      }
      if (error instanceof EventLimitException over) {
        return new Failure(index, over.getMessage(), LineageIngest.status(over), List.of());
      }
      return new Failure(
          index,
          ProblemMapper.publicReason(error),
          ProblemMapper.isClientError(error) ? 400 : 500,
          List.of());
    }
  }

  private Response batchResponse(List<IngestPipeline.BatchItem> items) {
    int received = items.size();
    List<Failure> failures = new ArrayList<>();
    ArrayNode warnings = json.createArrayNode();
    for (IngestPipeline.BatchItem item : items) {
      if (item.committed()) {
        for (EventWarning w : item.ingested().event().warnings()) {
          warning(warnings.addObject().put("index", item.index()), w);
        }
      } else {
        failures.add(Failure.of(item.index(), item.error()));
      }
    }
    failures.sort(Comparator.comparingInt(Failure::index));
    int failed = failures.size();
    int successful = received - failed;
    long retriable = failures.stream().filter(Failure::retriable).count();
    ObjectNode summary = json.createObjectNode();
    summary.put("received", received);
    summary.put("successful", successful);
    summary.put("failed", failed);
    summary.put("retriable", retriable);
    summary.put("non_retriable", failed - retriable);
    ArrayNode failedEvents = json.createArrayNode();
    for (Failure f : failures) {
      ObjectNode item = failedEvents.addObject();
      item.put("index", f.index());
      item.put("reason", f.reason());
      item.put("retriable", f.retriable());
      if (!f.violations().isEmpty()) {
        ArrayNode v = item.putArray("violations");
        f.violations()
            .forEach(x -> v.addObject().put("pointer", x.pointer()).put("message", x.message()));
      }
    }
    if (successful == 0 && failed > 0) {
      boolean serverSide = retriable > 0;
      boolean forbidden = failures.stream().allMatch(f -> f.status() == 403);
      Problem problem =
          Problem.of(
                  serverSide ? 500 : forbidden ? 403 : 400,
                  ProblemTypes.BATCH_FAILED,
                  "No event of the batch was committed",
                  failed + " of " + received + " events failed; see failed_events")
              .withExtension("summary", summary)
              .withExtension("failed_events", failedEvents);
      return Response.status(problem.status())
          .type(Problem.MEDIA_TYPE)
          .entity(problem.toJson(json).toString())
          .build();
    }
    ObjectNode out = json.createObjectNode();
    out.put("status", failed == 0 ? "success" : "partial_success");
    out.set("summary", summary);
    out.set("failed_events", failedEvents);
    out.set("warnings", warnings);
    boolean journaled =
        items.stream().anyMatch(i -> i.committed() && i.ingested().position() != null);
    return Response.status(journaled ? Response.Status.ACCEPTED : Response.Status.OK)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(out.toString())
        .build();
  }

  /** What a cluster server answers: accepted into the journal, applied later in key order. */
  private ObjectNode journaled(TranslatedEvent event, IngestJournal.Position position) {
    ObjectNode out = json.createObjectNode();
    out.put("status", "accepted");
    out.put("kind", event.kind().name());
    if (event.eventType() != null) {
      out.put("eventType", event.eventType());
    }
    if (event.runId() != null) {
      out.put("runId", event.runId().toString());
    }
    out.put("eventTime", event.eventTime().toString());
    out.putObject("position")
        .put("topic", position.topic())
        .put("partition", position.partition())
        .put("offset", position.offset());
    ArrayNode warnings = out.putArray("warnings");
    event.warnings().forEach(w -> warning(warnings.addObject(), w));
    return out;
  }

  private ObjectNode committed(TranslatedEvent event, MutationResult result) {
    ObjectNode out = json.createObjectNode();
    out.put("status", "committed");
    out.put("kind", event.kind().name());
    if (event.eventType() != null) {
      out.put("eventType", event.eventType());
    }
    if (event.runId() != null) {
      out.put("runId", event.runId().toString());
    }
    out.put("eventTime", event.eventTime().toString());
    out.put("created", result.created().size());
    out.put("updated", result.updated().size());
    ArrayNode entities = out.putArray("entities");
    result.guids().entrySet().stream()
        .sorted(
            Map.Entry.<EntityKey, Guid>comparingByKey(
                Comparator.comparing(EntityKey::typeName).thenComparing(EntityKey::qualifiedName)))
        .forEach(
            e ->
                entities
                    .addObject()
                    .put("guid", e.getValue().value())
                    .put("typeName", e.getKey().typeName())
                    .put("qualifiedName", e.getKey().qualifiedName()));
    ArrayNode warnings = out.putArray("warnings");
    event.warnings().forEach(w -> warning(warnings.addObject(), w));
    return out;
  }

  private static void warning(ObjectNode out, EventWarning warning) {
    out.put("kind", warning.kind())
        .put("pointer", warning.pointer())
        .put("message", warning.message());
  }

  private Supplier<JsonNode> body(IngestRequest request) {
    return () ->
        reader.read(
            request.contentType(),
            request.contentEncoding(),
            request.contentLength(),
            request.body());
  }

  /** The tenant the request names, after checking the shared key when one is configured. */
  private NamedTenant named(IngestRequest request) {
    if (apiKey != null) {
      String header = request.authorization();
      String prefix = "Bearer ";
      boolean ok =
          header != null
              && header.regionMatches(true, 0, prefix, 0, prefix.length())
              && MessageDigest.isEqual(
                  apiKey,
                  header.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8));
      if (!ok) {
        throw new ApiException(
            Problem.of(
                401,
                ProblemTypes.UNAUTHORIZED,
                "Unauthorized",
                header == null
                    ? "Send the API key as 'Authorization: Bearer <key>'"
                    : "The API key is not valid"),
            Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tributary\""));
      }
    }
    try {
      return NamedTenant.resolve(
              List.of(
                  new NamedTenant.Claim(
                      "header " + IngestHeaders.HTTP_TENANT, request.tenantHeader()),
                  new NamedTenant.Claim(
                      "parameter " + IngestHeaders.TENANT_PARAMETER, request.tenantParameter())))
          .orElse(null);
    } catch (InvalidEventException e) {
      throw ApiException.badParameter(
          IngestHeaders.TENANT_PARAMETER, e.violations().get(0).message());
    }
  }
}

package io.tributary.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.TenantId;
import io.tributary.ingest.GroupCommitter;
import io.tributary.ingest.TenantFacet;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.InvalidEventException;
import io.tributary.openlineage.TranslatedEvent;
import io.tributary.openlineage.Violation;
import io.tributary.ranger.AccessDeniedException;
import io.tributary.server.api.Params;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * OpenLineage ingest over HTTP: read, find each event's tenant, check that the caller may write it
 * and that the tenant is within its quota, validate and translate, then commit through the group
 * committer. A response is sent only once the catalog transaction has committed, so a 2xx means the
 * event is durable.
 *
 * <p>An event's tenant is the one the request names ({@code X-Tributary-Tenant} or {@code
 * ?tenant=}), else its {@code tributary_tenant} run facet, else the caller's home tenant; a named
 * tenant is only a choice among those the caller may write, never a credential.
 */
public final class LineageIngest {
  private final EventBodyReader reader;
  private final EventTranslator translator;
  private final GroupCommitter committer;
  private final byte[] apiKey;
  private final ObjectMapper json;

  /**
   * @param apiKey a shared key clients must send as {@code Authorization: Bearer} while
   *     authentication is off, or null for none
   */
  public LineageIngest(
      EventBodyReader reader,
      EventTranslator translator,
      GroupCommitter committer,
      String apiKey,
      ObjectMapper json) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.translator = Objects.requireNonNull(translator, "translator");
    this.committer = Objects.requireNonNull(committer, "committer");
    this.apiKey = apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8);
    this.json = Objects.requireNonNull(json, "json");
  }

  /** One event: 201 with what was written once committed. */
  public CompletableFuture<Response> one(IngestRequest request) {
    TenantId named = named(request);
    // A tenant named by header is admitted before the body is read: a tenant over its quota then
    // costs the server as little as possible.
    TenantId tenant = named == null ? null : admit(request, named);
    JsonNode event = read(request);
    if (tenant == null) {
      tenant = admit(request, TenantFacet.read(event).orElse(null));
    }
    TranslatedEvent translated = translator.translate(event, tenant);
    return committer
        .submit(translated.mutation())
        .thenApply(
            result ->
                Response.status(Response.Status.CREATED)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(committed(translated, result).toString())
                    .build());
  }

  /**
   * A JSON array of events, each committed or refused on its own; the answer has the shape of
   * OpenLineage's batch endpoint ({@code status}, {@code summary}, {@code failed_events}).
   */
  public CompletableFuture<Response> batch(IngestRequest request) {
    TenantId named = named(request);
    if (named != null) {
      request.caller().writableTenant(named);
    }
    JsonNode body = read(request);
    if (!body.isArray()) {
      throw new ApiException(
          Problem.of(
                  400,
                  ProblemTypes.INVALID_EVENT,
                  "Not a batch",
                  "A batch is a JSON array of OpenLineage events; got a JSON "
                      + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
              .withViolations(List.of(new Violation("", "expected an array"))));
    }
    int received = body.size();
    List<Failure> failures = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    List<Mutation> mutations = new ArrayList<>();
    Map<TenantId, Integer> perTenant = new LinkedHashMap<>();
    Map<TenantId, RuntimeException> refused = new HashMap<>();
    for (int i = 0; i < received; i++) {
      try {
        TenantId found = tenantOf(named, body.get(i));
        TenantId tenant = found == null ? request.caller().principal().tenant() : found;
        writable(request, tenant, refused);
        mutations.add(translator.translate(body.get(i), tenant).mutation());
        indexes.add(i);
        perTenant.merge(tenant, 1, Integer::sum);
      } catch (InvalidEventException e) {
        failures.add(new Failure(i, e.getMessage(), 400, e.violations()));
      } catch (AccessDeniedException e) {
        failures.add(new Failure(i, e.getMessage(), 403, List.of()));
      } catch (RuntimeException e) {
        failures.add(
            new Failure(
                i,
                ProblemMapper.publicReason(e),
                ProblemMapper.isClientError(e) ? 400 : 500,
                List.of()));
      }
    }
    // All or nothing per request: a tenant over quota gets 429 for the whole batch.
    perTenant.forEach(request.caller()::acquire);
    if (mutations.size() > committer.settings().queueCapacity()) {
      throw new ApiException(
          Problem.of(
              413,
              ProblemTypes.PAYLOAD_TOO_LARGE,
              "Batch too large",
              "A batch of "
                  + mutations.size()
                  + " events exceeds the ingest queue capacity "
                  + committer.settings().queueCapacity()
                  + "; send smaller batches"));
    }
    List<CompletableFuture<MutationResult>> futures = committer.submitAll(mutations);
    CompletableFuture<?>[] all = futures.toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(all)
        .handle(
            (ignored, error) -> {
              for (int k = 0; k < futures.size(); k++) {
                CompletableFuture<MutationResult> f = futures.get(k);
                if (f.isCompletedExceptionally()) {
                  Throwable cause = f.handle((r, e) -> e).join();
                  failures.add(
                      new Failure(
                          indexes.get(k),
                          ProblemMapper.publicReason(cause),
                          ProblemMapper.isClientError(cause) ? 400 : 500,
                          List.of()));
                }
              }
              return batchResponse(received, failures);
            });
  }

  /**
   * @param status what the event alone would have been answered: 400, 403 or 500
   */
  private record Failure(int index, String reason, int status, List<Violation> violations) {
    boolean retriable() {
      return status >= 500;
    }
  }

  /** Checks once per tenant of the batch whether the caller may write it. */
  private static void writable(
      IngestRequest request, TenantId tenant, Map<TenantId, RuntimeException> refused) {
    if (!refused.containsKey(tenant)) {
      try {
        request.caller().writableTenant(tenant);
        refused.put(tenant, null);
      } catch (AccessDeniedException e) {
        refused.put(tenant, e);
      }
    }
    RuntimeException e = refused.get(tenant);
    if (e != null) {
      throw e;
    }
  }

  private Response batchResponse(int received, List<Failure> failures) {
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
    return Response.ok(out.toString(), MediaType.APPLICATION_JSON_TYPE).build();
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
    return out;
  }

  private JsonNode read(IngestRequest request) {
    return reader.read(
        request.contentType(), request.contentEncoding(), request.contentLength(), request.body());
  }

  /** The tenant the request names, after checking the shared key when one is configured. */
  private TenantId named(IngestRequest request) {
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
    return Params.tenant("tenant", request.tenant());
  }

  /** Checks write on the tenant (or the caller's home tenant) and takes one event of its quota. */
  private static TenantId admit(IngestRequest request, TenantId named) {
    TenantId tenant = request.caller().writableTenant(named);
    request.caller().acquire(tenant, 1);
    return tenant;
  }

  /** The tenant the request names, else the event's run facet; null when neither names one. */
  private static TenantId tenantOf(TenantId named, JsonNode event) {
    return named != null ? named : TenantFacet.read(event).orElse(null);
  }
}

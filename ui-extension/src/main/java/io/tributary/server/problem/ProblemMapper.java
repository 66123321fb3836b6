package io.tributary.server.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.InvalidEntityException;
import io.tributary.ingest.IngestClosedException;
import io.tributary.ingest.IngestQueueFullException;
import io.tributary.ingest.IngestUnavailableException;
import io.tributary.openlineage.InvalidEventException;
import io.tributary.ranger.AccessDeniedException;
import io.tributary.ranger.admin.RangerAdminException;
import io.tributary.ranger.auth.AuthenticationException;
import io.tributary.ranger.quota.QuotaExceededException;
import io.tributary.ranger.tenancy.ShareNotFoundException;
import io.tributary.ranger.tenancy.TenantExistsException;
import io.tributary.ranger.tenancy.TenantNotFoundException;
import io.tributary.ranger.tenancy.TenantStoreUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a request raises into a problem response. Client mistakes get 4xx with a
 * detail that names the offending value; anything unexpected gets a 500 whose body holds only an
 * error id, under which the stack trace is logged.
 */
public final class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  private final ObjectMapper json;

  public ProblemMapper(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public Response toResponse(Throwable exception) {
    Throwable e = unwrap(exception);
    if (e instanceof ApiException api) {
      return respond(api.problem(), api.headers());
    }
    if (e instanceof InvalidEventException invalid) {
      return respond(
          Problem.of(
                  400,
                  ProblemTypes.INVALID_EVENT,
                  "Invalid OpenLineage event",
                  invalid.getMessage())
              .withViolations(invalid.violations()),
          Map.of());
    }
    if (e instanceof EntityNotFoundException notFound) {
      return respond(
          Problem.of(404, ProblemTypes.NOT_FOUND, "Not found", notFound.getMessage()), Map.of());
    }
    if (e instanceof InvalidEntityException invalid) {
      return respond(
          Problem.of(
              400,
              ProblemTypes.INVALID_ENTITY,
              "The catalog refuses the entity",
              invalid.getMessage()),
          Map.of());
    }
    if (e instanceof IngestQueueFullException full) {
      return respond(
          Problem.of(503, ProblemTypes.OVERLOADED, "Ingest queue full", full.getMessage()),
          Map.of(
              HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, full.retryAfter().toSeconds()))));
    }
    if (e instanceof IngestUnavailableException unavailable) {
      return respond(
          Problem.of(503, ProblemTypes.UNAVAILABLE, "Ingest unavailable", unavailable.getMessage()),
          Map.of(HttpHeaders.RETRY_AFTER, "5"));
    }
    if (e instanceof IngestClosedException closed) {
      return respond(
          Problem.of(503, ProblemTypes.UNAVAILABLE, "Shutting down", closed.getMessage()),
          Map.of(HttpHeaders.RETRY_AFTER, "5"));
    }
    Response policy = policyProblem(e);
    if (policy != null) {
      return policy;
    }
    if (e instanceof JsonProcessingException parse) {
      return respond(
          Problem.of(400, ProblemTypes.INVALID_JSON, "Invalid JSON", parse.getOriginalMessage()),
          Map.of());
    }
    if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      return fromJersey(web);
    }
    return internal(e);
  }

  /** Refusals of authentication, authorization, tenants and quotas; null for other failures. */
  private Response policyProblem(Throwable e) {
    if (e instanceof AuthenticationException denied) {
      return respond(
          Problem.of(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", denied.getMessage()),
          Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tributary\""));
    }
    if (e instanceof AccessDeniedException denied) {
      return respond(
          Problem.of(403, ProblemTypes.FORBIDDEN, "Forbidden", denied.getMessage()), Map.of());
    }
    if (e instanceof QuotaExceededException quota
        && quota.kind() == QuotaExceededException.Kind.ENTITY_COUNT) {
      // Waiting does not help: only a purge or a larger quota does.
      return respond(
          Problem.of(409, ProblemTypes.QUOTA_EXCEEDED, "Entity quota exceeded", quota.getMessage()),
          Map.of());
    }
    if (e instanceof QuotaExceededException quota) {
      Map<String, String> headers =
          quota.retryAfterSeconds().isPresent()
              ? Map.of(
                  HttpHeaders.RETRY_AFTER, String.valueOf(quota.retryAfterSeconds().getAsLong()))
              : Map.of();
      return respond(
          Problem.of(429, ProblemTypes.QUOTA_EXCEEDED, "Quota exceeded", quota.getMessage()),
          headers);
    }
    if (e instanceof TenantNotFoundException || e instanceof ShareNotFoundException) {
      return respond(
          Problem.of(404, ProblemTypes.NOT_FOUND, "Not found", e.getMessage()), Map.of());
    }
    if (e instanceof TenantExistsException exists) {
      return respond(
          Problem.of(409, ProblemTypes.CONFLICT, "Conflict", exists.getMessage()), Map.of());
    }
    if (e instanceof TenantStoreUnavailableException unavailable) {
      return respond(
          Problem.of(
              503,
              ProblemTypes.UNAVAILABLE,
              "Tenant registry unavailable",
              unavailable.getMessage()),
          Map.of(HttpHeaders.RETRY_AFTER, "5"));
    }
    if (e instanceof RangerAdminException ranger) {
      return respond(
          Problem.of(502, ProblemTypes.BAD_GATEWAY, "Ranger Admin refused", ranger.getMessage()),
          Map.of());
    }
    if (e instanceof IllegalArgumentException invalid) {
      return respond(
          Problem.of(400, ProblemTypes.BAD_REQUEST, "Bad request", invalid.getMessage()), Map.of());
    }
    return null;
  }

  /** Jersey's own refusals: unknown path, wrong method, unsupported media type. */
  private Response fromJersey(WebApplicationException web) {
    Response original = web.getResponse();
    int status = original.getStatus();
    String type =
        switch (status) {
          case 404 -> ProblemTypes.NOT_FOUND;
          case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
          case 406 -> ProblemTypes.NOT_ACCEPTABLE;
          case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
          case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
          default -> ProblemTypes.HTTP;
        };
    Response.StatusType info = original.getStatusInfo();
    String detail =
        switch (status) {
          case 404 -> "No resource at this path";
          case 405 -> "Method not allowed here; allowed: " + original.getAllowedMethods();
          case 415 -> "Unsupported media type; send application/json";
          default -> info.getReasonPhrase();
        };
    Response.ResponseBuilder out =
        Response.status(status)
            .type(Problem.MEDIA_TYPE)
            .entity(
                Problem.of(status, type, info.getReasonPhrase(), detail).toJson(json).toString());
    if (!original.getAllowedMethods().isEmpty()) {
      out.allow(original.getAllowedMethods());
    }
    return out.build();
  }

  private Response internal(Throwable e) {
    String id = UUID.randomUUID().toString();
    LOG.error("request failed: error id {}", id, e);
    Problem problem =
        new Problem(
            ProblemTypes.INTERNAL,
            "Internal server error",
            500,
            "The server failed; report the error id " + id,
            java.util.List.of(),
            id,
            Map.of());
    return respond(problem, Map.of());
  }

  private Response respond(Problem problem, Map<String, String> headers) {
    Response.ResponseBuilder out =
        Response.status(problem.status())
            .type(Problem.MEDIA_TYPE)
            .entity(problem.toJson(json).toString());
    headers.forEach(out::header);
    return out.build();
  }

  /** The committer's futures wrap the catalog's exception. */
  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while ((current instanceof java.util.concurrent.CompletionException
            || current instanceof java.util.concurrent.ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** Whether a failure is the client's: what a batch reports as not retriable. */
  public static boolean isClientError(Throwable e) {
    Throwable cause = unwrap(e);
    return cause instanceof InvalidEventException
        || cause instanceof InvalidEntityException
        || cause instanceof EntityNotFoundException
        || cause instanceof AccessDeniedException
        || cause instanceof TenantNotFoundException
        || (cause instanceof ApiException api && api.problem().status() < 500);
  }

  /** A reason safe to show a client: the message of a client error, else a generic phrase. */
  public static String publicReason(Throwable e) {
    Throwable cause = unwrap(e);
    if (isClientError(cause)
        || cause instanceof IngestQueueFullException
        || cause instanceof QuotaExceededException) {
      return cause.getMessage();
    }
    if (cause instanceof IngestClosedException) {
      return cause.getMessage();
    }
    return "Server error";
  }
}

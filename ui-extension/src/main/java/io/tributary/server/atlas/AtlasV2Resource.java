package io.tributary.server.atlas;

import io.tributary.atlas.AtlasApiException;
import io.tributary.atlas.AtlasClassification;
import io.tributary.atlas.AtlasEntitiesWithExtInfo;
import io.tributary.atlas.AtlasEntityWithExtInfo;
import io.tributary.atlas.AtlasErrorCode;
import io.tributary.atlas.AtlasErrorResponse;
import io.tributary.atlas.AtlasJson;
import io.tributary.atlas.AtlasNames;
import io.tributary.atlas.AtlasTypedefStore;
import io.tributary.atlas.AtlasTypesDef;
import io.tributary.atlas.SearchParameters;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.InvalidEntityException;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.IngestHeaders;
import io.tributary.contract.TenantId;
import io.tributary.ingest.Admission;
import io.tributary.ingest.IngestClosedException;
import io.tributary.ingest.IngestQueueFullException;
import io.tributary.ranger.AccessDeniedException;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.ResourcePath;
import io.tributary.ranger.quota.QuotaExceededException;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/atlas/v2}: the Atlas REST API subset that Atlas's {@code AtlasClientV2} and tools
 * use. Bodies are read and written with {@link AtlasJson}, independent of the server's own JSON
 * settings, so the shapes are Atlas's; errors are Atlas's {@code errorCode}/{@code errorMessage}.
 *
 * <p>A call acts in the caller's home tenant; {@value IngestHeaders#HTTP_TENANT} chooses another
 * among those the caller may read as a whole (writes: may write). It sees what the caller may read
 * of that tenant. Entity writes are admitted and committed as ingested events are: each counts as
 * one event of the tenant's ingest quota (429 over it). Creating typedefs changes every tenant's
 * types: platform administrators only.
 */
@Path("/api/atlas/v2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AtlasV2Resource {
  private static final Logger LOG = LoggerFactory.getLogger(AtlasV2Resource.class);

  private static final String FORBIDDEN_CODE = "ATLAS-403-00-001";
  private static final String QUOTA_CODE = "ATLAS-429-00-001";
  private static final String UNAVAILABLE_CODE = "ATLAS-503-00-001";

  private final AtlasApiService service;
  private final AtlasJson json;
  private final boolean secured;

  /**
   * A resource behind the server's authentication: every call needs the request's {@link Caller}.
   */
  public AtlasV2Resource(AtlasApiService service, AtlasJson json) {
    this(service, json, true);
  }

  private AtlasV2Resource(AtlasApiService service, AtlasJson json, boolean secured) {
    this.service = Objects.requireNonNull(service, "service");
    this.json = Objects.requireNonNull(json, "json");
    this.secured = secured;
  }

  /**
   * The resource over {@code catalog} without access control (the tenant is the header's, else
   * {@code default}), for embedding in a server of one's own; knows Tributary's built-in typedefs;
   * types created through it are registered in {@code types}, which must be the catalog's registry.
   */
  public static AtlasV2Resource create(Catalog catalog, TypeRegistry types) {
    AtlasJson json = new AtlasJson();
    return new AtlasV2Resource(
        new AtlasApiService(catalog, AtlasTypedefStore.builtIn(types, json), Clock.systemUTC()),
        json,
        false);
  }

  @POST
  @Path("types/typedefs")
  public Response createTypedefs(String body, @Context ContainerRequestContext context) {
    return respond(
        () -> {
          if (secured) {
            Caller.of(context).checkPlatformAdmin();
          }
          return service.createTypedefs(json.read(body, AtlasTypesDef.class));
        });
  }

  @GET
  @Path("types/typedefs")
  public Response typedefs() {
    return respond(service::typedefs);
  }

  @POST
  @Path("entity/bulk")
  public Response createOrUpdate(String body, @BeanParam AtlasCall call) {
    return respond(
        () -> {
          AtlasScope scope = write(call);
          return service.createOrUpdate(
              scope, admission(scope, call), json.read(body, AtlasEntitiesWithExtInfo.class));
        });
  }

  /** {@code POST /v2/entity}: one entity, as {@code AtlasClientV2.createEntity} sends it. */
  @POST
  @Path("entity")
  public Response createOrUpdateOne(String body, @BeanParam AtlasCall call) {
    return respond(
        () -> {
          AtlasScope scope = write(call);
          AtlasEntityWithExtInfo one = json.read(body, AtlasEntityWithExtInfo.class);
          if (one.entity() == null) {
            throw new AtlasApiException(
                AtlasErrorCode.INVALID_PARAMETERS, "no entity to create/update.");
          }
          return service.createOrUpdate(
              scope,
              admission(scope, call),
              new AtlasEntitiesWithExtInfo(List.of(one.entity()), one.referredEntities()));
        });
  }

  /** {@code GET /v2/entity/bulk?guid=...}: several entities, as {@code getEntitiesByGuids} asks. */
  @GET
  @Path("entity/bulk")
  public Response entities(@QueryParam("guid") List<String> guids, @BeanParam AtlasCall call) {
    return respond(() -> service.entities(read(call), guids));
  }

  @GET
  @Path("entity/guid/{guid}")
  public Response entity(@PathParam("guid") String guid, @BeanParam AtlasCall call) {
    return respond(() -> service.entity(read(call), guid));
  }

  /** Atlas's {@code deleteByGuid}: needs write on the tenant. */
  @DELETE
  @Path("entity/guid/{guid}")
  public Response deleteEntity(@PathParam("guid") String guid, @BeanParam AtlasCall call) {
    return respond(() -> service.deleteEntity(write(call), guid));
  }

  @GET
  @Path("entity/guid/{guid}/classifications")
  public Response classifications(@PathParam("guid") String guid, @BeanParam AtlasCall call) {
    return respond(() -> service.classifications(read(call), guid));
  }

  /** Atlas's singular path for one classification. */
  @GET
  @Path("entity/guid/{guid}/classification/{classificationName}")
  public Response classification(
      @PathParam("guid") String guid,
      @PathParam("classificationName") String name,
      @BeanParam AtlasCall call) {
    return respond(() -> service.classification(read(call), guid, name));
  }

  /** Atlas's {@code addClassifications}: a JSON array of classifications; 204 as Atlas answers. */
  @POST
  @Path("entity/guid/{guid}/classifications")
  public Response addClassifications(
      @PathParam("guid") String guid, String body, @BeanParam AtlasCall call) {
    return respondEmpty(
        () ->
            service.addClassifications(
                write(call), guid, List.of(json.read(body, AtlasClassification[].class))));
  }

  @DELETE
  @Path("entity/guid/{guid}/classification/{classificationName}")
  public Response deleteClassification(
      @PathParam("guid") String guid,
      @PathParam("classificationName") String name,
      @BeanParam AtlasCall call) {
    return respondEmpty(() -> service.deleteClassification(write(call), guid, name));
  }

  @GET
  @Path("entity/uniqueAttribute/type/{typeName}")
  public Response entityByUniqueAttribute(
      @PathParam("typeName") String typeName, @Context UriInfo uri, @BeanParam AtlasCall call) {
    return respond(() -> service.entity(read(call), typeName, qualifiedName(uri)));
  }

  @GET
  @Path("lineage/{guid}")
  public Response lineage(
      @PathParam("guid") String guid,
      @QueryParam("direction") @DefaultValue("BOTH") String direction,
      @QueryParam("depth") @DefaultValue("3") String depth,
      @BeanParam AtlasCall call) {
    return respond(() -> service.lineage(read(call), guid, direction, integer("depth", depth)));
  }

  @GET
  @Path("lineage/uniqueAttribute/type/{typeName}")
  public Response lineageByUniqueAttribute(
      @PathParam("typeName") String typeName,
      @QueryParam("direction") @DefaultValue("BOTH") String direction,
      @QueryParam("depth") @DefaultValue("3") String depth,
      @Context UriInfo uri,
      @BeanParam AtlasCall call) {
    return respond(
        () ->
            service.lineage(
                read(call), typeName, qualifiedName(uri), direction, integer("depth", depth)));
  }

  @POST
  @Path("search/basic")
  public Response basicSearch(String body, @BeanParam AtlasCall call) {
    return respond(() -> service.basicSearch(read(call), json.read(body, SearchParameters.class)));
  }

  /**
   * {@code GET /v2/search/basic}: the query-parameter form {@code AtlasClientV2.basicSearch} uses.
   */
  @GET
  @Path("search/basic")
  public Response basicSearchByQuery(
      @QueryParam("typeName") String typeName,
      @QueryParam("classification") String classification,
      @QueryParam("query") String query,
      @QueryParam("excludeDeletedEntities") @DefaultValue("true") String excludeDeleted,
      @QueryParam("limit") @DefaultValue("100") String limit,
      @QueryParam("offset") @DefaultValue("0") String offset,
      @BeanParam AtlasCall call) {
    // Parameters read here rather than by Jersey, which answers 404 to one it cannot convert.
    return respond(
        () ->
            service.basicSearch(
                read(call),
                new SearchParameters(
                    query,
                    typeName,
                    classification,
                    bool("excludeDeletedEntities", excludeDeleted),
                    false,
                    true,
                    true,
                    integer("limit", limit),
                    integer("offset", offset),
                    null,
                    null,
                    null,
                    null,
                    null)));
  }

  /** A call that answers nothing: 204, or the error {@link #respond} would give. */
  private Response respondEmpty(Runnable call) {
    Response response =
        respond(
            () -> {
              call.run();
              return null;
            });
    return response.getStatus() == 200 ? Response.noContent().build() : response;
  }

  private Response respond(Supplier<Object> call) {
    try {
      return Response.ok(json.write(call.get()), MediaType.APPLICATION_JSON_TYPE).build();
    } catch (AtlasApiException e) {
      return error(e);
    } catch (AccessDeniedException e) {
      return error(403, FORBIDDEN_CODE, e.getMessage(), 0);
    } catch (QuotaExceededException e) {
      return error(
          429,
          QUOTA_CODE,
          e.getMessage(),
          e.retryAfterSeconds().isPresent() ? e.retryAfterSeconds().getAsLong() : 0);
    } catch (IngestQueueFullException e) {
      return error(503, UNAVAILABLE_CODE, e.getMessage(), Math.max(1, e.retryAfter().toSeconds()));
    } catch (IngestClosedException e) {
      return error(503, UNAVAILABLE_CODE, e.getMessage(), 5);
    } catch (EntityNotFoundException e) {
      return error(new AtlasApiException(AtlasErrorCode.INSTANCE_GUID_NOT_FOUND, e.getMessage()));
    } catch (InvalidEntityException | IllegalArgumentException e) {
      return error(new AtlasApiException(AtlasErrorCode.BAD_REQUEST, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("atlas api: request failed", e);
      return error(new AtlasApiException(AtlasErrorCode.INTERNAL_ERROR, "(see the server log)"));
    }
  }

  /** An error of Atlas's shape with a code Atlas does not have; {@code Retry-After} when > 0. */
  private Response error(int status, String code, String message, long retryAfterSeconds) {
    Response.ResponseBuilder out =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(json.write(new AtlasErrorResponse(code, message)));
    if (retryAfterSeconds > 0) {
      out.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    }
    return out.build();
  }

  /** Who the write is admitted for: the caller, or anyone when the resource is not secured. */
  private Admission admission(AtlasScope scope, AtlasCall call) {
    return secured ? Caller.of(call.context) : Admission.open(scope.tenant());
  }

  private Response error(AtlasApiException e) {
    return Response.status(e.errorCode().httpStatus())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(json.write(e.toResponse()))
        .build();
  }

  /** What every tenant-scoped call is given: the tenant header, if any, and the request. */
  public static final class AtlasCall {
    @HeaderParam(IngestHeaders.HTTP_TENANT)
    String tenant;

    @Context ContainerRequestContext context;
  }

  /** The scope of a call that reads. */
  private AtlasScope read(AtlasCall call) {
    return scope(call, false);
  }

  /** The scope of a call that writes: the caller must be allowed to write the tenant. */
  private AtlasScope write(AtlasCall call) {
    return scope(call, true);
  }

  /**
   * The tenant the call acts in: the header's when the caller may read (or, to write, write) all of
   * it, else the caller's home tenant.
   */
  private AtlasScope scope(AtlasCall call, boolean write) {
    TenantId named = tenant(call.tenant);
    if (!secured) {
      return AtlasScope.unrestricted(named == null ? TenantId.DEFAULT : named);
    }
    Caller caller = Caller.of(call.context);
    TenantId tenant = named == null ? caller.principal().tenant() : named;
    if (write) {
      caller.checkWrite(tenant);
    } else if (named != null && !caller.mayRead(named)) {
      throw new AccessDeniedException(
          caller.principal().user(), AccessType.READ, ResourcePath.tenant(named));
    }
    return new AtlasScope(tenant, caller.read());
  }

  /** Null when absent. */
  private static TenantId tenant(String header) {
    if (header == null || header.isEmpty()) {
      return null;
    }
    try {
      return new TenantId(header);
    } catch (IllegalArgumentException e) {
      throw new AtlasApiException(
          AtlasErrorCode.INVALID_PARAMETERS, IngestHeaders.HTTP_TENANT + "=" + header);
    }
  }

  private static String qualifiedName(UriInfo uri) {
    return uri.getQueryParameters().getFirst(AtlasNames.ATTR_PREFIX + AtlasNames.QUALIFIED_NAME);
  }

  private static int integer(String name, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new AtlasApiException(AtlasErrorCode.INVALID_PARAMETERS, name + "=" + text);
    }
  }

  private static boolean bool(String name, String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new AtlasApiException(AtlasErrorCode.INVALID_PARAMETERS, name + "=" + text);
    };
  }
}

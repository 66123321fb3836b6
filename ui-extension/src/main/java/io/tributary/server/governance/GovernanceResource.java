package io.tributary.server.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.ranger.governance.ClassificationEngine;
import io.tributary.ranger.governance.ClassificationSource;
import io.tributary.ranger.governance.Classifications;
import io.tributary.ranger.tenancy.ClassificationRule;
import io.tributary.ranger.tenancy.Tenant;
import io.tributary.ranger.tenancy.TenantConfig;
import io.tributary.ranger.tenancy.TenantRegistry;
import io.tributary.server.api.Params;
import io.tributary.server.problem.ApiException;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /api/v1/governance}: a tenant's classification rules and their re-evaluation, and the
 * classifications of entities with where each came from.
 *
 * <ul>
 *   <li>Rules: read by the tenant's members; replaced by its administrator, which re-evaluates the
 *       tenant's classifications at once. Another tenant is 404, as if it did not exist.
 *   <li>Classifications of an entity: read by whoever may read the entity; added or removed by hand
 *       by whoever may write its tenant. An entity the caller cannot see is 404.
 * </ul>
 */
@Path("/api/v1/governance")
@Produces(MediaType.APPLICATION_JSON)
public final class GovernanceResource {
  private static final int DEFAULT_LIMIT = 100;

  private final TenantRegistry tenants;
  private final ClassificationEngine engine;
  private final Classifications classifications;
  private final Catalog catalog;
  private final TypeRegistry types;
  private final ObjectMapper json;
  private final GovernanceRequests requests;

  public GovernanceResource(
      GovernanceRequests requests, ClassificationEngine engine, TypeRegistry types) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.types = Objects.requireNonNull(types, "types");
    this.tenants = requests.tenants();
    this.catalog = requests.catalog();
    this.json = requests.json();
    this.classifications = new Classifications(catalog);
  }

  @GET
  @Path("tenants/{tenant}/classification-rules")
  public String rules(
      @PathParam("tenant") String tenantText, @Context ContainerRequestContext context) {
    Tenant tenant = requests.readable(tenantText, Caller.of(context));
    return rulesJson(tenant.config().classificationRules(), null).toString();
  }

  @PUT
  @Path("tenants/{tenant}/classification-rules")
  @Consumes(MediaType.APPLICATION_JSON)
  public String replaceRules(
      @PathParam("tenant") String tenantText,
      String body,
      @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Tenant tenant = requests.administered(tenantText, caller);
    JsonNode request = requests.object(body);
    JsonNode list = request.path("rules");
    if (!list.isArray()) {
      throw ApiException.badParameter("body", "'rules' must be an array of classification rules");
    }
    List<ClassificationRule> rules = new ArrayList<>();
    for (JsonNode rule : list) {
      ClassificationRule read = RuleJson.read(rule);
      requireClassification(read.classification());
      rules.add(read);
    }
    TenantConfig c = tenant.config();
    tenants.update(
        tenant.id(),
        new TenantConfig(c.displayName(), c.retention(), c.quotas(), c.namespaceRules(), rules));
    return rulesJson(rules, engine.reevaluate(tenant.id())).toString();
  }

  @POST
  @Path("tenants/{tenant}/classifications/reevaluate")
  public String reevaluate(
      @PathParam("tenant") String tenantText, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Tenant tenant = requests.administered(tenantText, caller);
    return report(engine.reevaluate(tenant.id())).toString();
  }

  /** A tenant's entities that carry {@code classification}, as far as the caller may see them. */
  @GET
  @Path("tenants/{tenant}/classifications")
  public String classified(
      @PathParam("tenant") String tenantText,
      @QueryParam("classification") String classificationText,
      @QueryParam("limit") String limitText,
      @QueryParam("offset") String offsetText,
      @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Tenant tenant = requests.readable(tenantText, caller);
    String classification = Params.text("classification", classificationText, 256);
    if (classification == null) {
      throw ApiException.badParameter("classification", "is required");
    }
    requireClassification(classification);
    int limit = Params.integer("limit", limitText, DEFAULT_LIMIT, 1, SearchQuery.MAX_LIMIT);
    int offset = Params.integer("offset", offsetText, 0, 0, Integer.MAX_VALUE);
    SearchResult result =
        catalog.search(
            new SearchQuery(null, null, classification, tenant.id(), Map.of(), limit, offset),
            caller.read());
    ObjectNode out = json.createObjectNode();
    ArrayNode entities = out.putArray("entities");
    result.entities().forEach(e -> entities.add(entity(e)));
    return out.toString();
  }

  @GET
  @Path("entities/{guid}/classifications")
  public String ofEntity(
      @PathParam("guid") String guidText, @Context ContainerRequestContext context) {
    return entity(requests.visible(guidText, Caller.of(context))).toString();
  }

  @POST
  @Path("entities/{guid}/classifications")
  @Consumes(MediaType.APPLICATION_JSON)
  public String classify(
      @PathParam("guid") String guidText, String body, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Entity entity = requests.visible(guidText, caller);
    caller.checkWrite(entity.tenant());
    JsonNode request = requests.object(body);
    JsonNode name = request.path("classification");
    if (!name.isTextual() || name.asText().isBlank()) {
      throw ApiException.badParameter("body", "'classification' is required");
    }
    requireClassification(name.asText());
    classifications.addManual(entity, List.of(name.asText()));
    return entity(reread(entity)).toString();
  }

  @DELETE
  @Path("entities/{guid}/classifications/{name}")
  public Response declassify(
      @PathParam("guid") String guidText,
      @PathParam("name") String name,
      @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Entity entity = requests.visible(guidText, caller);
    caller.checkWrite(entity.tenant());
    if (!classifications.remove(entity, name)) {
      throw ApiException.notFound(
          "entity " + entity.guid().value() + " has no classification '" + name + "'");
    }
    return Response.noContent().build();
  }

  private ObjectNode entity(Entity e) {
    ObjectNode out = json.createObjectNode();
    out.put("guid", e.guid().value());
    out.put("typeName", e.typeName());
    out.put("qualifiedName", e.qualifiedName());
    out.put("name", e.name());
    out.put("tenant", e.tenant().value());
    ArrayNode list = out.putArray("classifications");
    Map<String, ClassificationSource> sources = ClassificationEngine.sourcesOf(e);
    sources.forEach(
        (name, source) -> {
          ObjectNode c = list.addObject();
          c.put("name", name);
          c.put("source", source.source());
          c.put("confidence", source.confidence());
          if (source.rule() != null) {
            c.put("rule", source.rule());
          }
          if (!source.path().isEmpty()) {
            ArrayNode path = c.putArray("path");
            source.path().forEach(path::add);
          }
        });
    return out;
  }

  private ObjectNode rulesJson(List<ClassificationRule> rules, ClassificationEngine.Report report) {
    ObjectNode out = json.createObjectNode();
    ArrayNode list = out.putArray("rules");
    for (ClassificationRule r : rules) {
      ObjectNode item = list.addObject();
      RuleJson.write(item, r);
      // How an entity's classification source names the rule: what ties a rule to what it did.
      item.put("rule", r.describe());
    }
    if (report != null) {
      out.set("reevaluation", report(report));
    }
    return out;
  }

  private ObjectNode report(ClassificationEngine.Report report) {
    return json.createObjectNode()
        .put("examined", report.examined())
        .put("added", report.added())
        .put("removed", report.removed());
  }

  private void requireClassification(String name) {
    if (!types.hasClassification(name)) {
      throw ApiException.badParameter(
          "classification",
          "'" + name + "' is not a classification type; known: " + types.classificationNames());
    }
  }

  private Entity reread(Entity entity) {
    return catalog
        .get(entity.guid(), io.tributary.catalog.Visibility.all())
        .orElseThrow(() -> new EntityNotFoundException(entity.guid().value()));
  }
}

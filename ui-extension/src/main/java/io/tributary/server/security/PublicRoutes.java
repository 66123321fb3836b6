package io.tributary.server.security;

import io.tributary.server.HealthResource;
import io.tributary.server.MetricsResource;
import io.tributary.server.StaticResources;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashSet;
import java.util.Set;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * The one list of routes that answer without credentials when authentication is on; every other
 * route needs an authenticated caller, including routes added later. A route is public when the
 * resource method the router matched belongs to a class listed here: liveness ({@code GET
 * /health}), the web UI's files, and {@code /metrics} when {@code auth.metrics-public} is set.
 * Whatever else such a class serves is public too, so it serves nothing else.
 */
public final class PublicRoutes {
  private final Set<Class<?>> classes;

  private PublicRoutes(Set<Class<?>> classes) {
    this.classes = Set.copyOf(classes);
  }

  /** The public routes of the catalog server. */
  public static PublicRoutes of(boolean metricsPublic) {
    Set<Class<?>> classes = new HashSet<>(Set.of(HealthResource.class, StaticResources.class));
    if (metricsPublic) {
      classes.add(MetricsResource.class);
    }
    return new PublicRoutes(classes);
  }

  /** Whether the route the router matched answers anyone; false when it matched none. */
  public boolean isPublic(UriInfo matched) {
    if (!(matched instanceof ExtendedUriInfo extended)) {
      return false;
    }
    ResourceMethod method = extended.getMatchedResourceMethod();
    return method != null && isPublic(method);
  }

  /** Whether a resource method answers anyone: it belongs to a public class. */
  public boolean isPublic(ResourceMethod method) {
    return classes.contains(method.getInvocable().getHandler().getHandlerClass());
  }
}

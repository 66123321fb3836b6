package io.tributary.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.ranger.Principal;
import io.tributary.ranger.TributaryAuthorizer;
import io.tributary.ranger.audit.ReadAudit;
import io.tributary.ranger.auth.AuthenticationException;
import io.tributary.ranger.auth.Authenticator;
import io.tributary.ranger.quota.QuotaEnforcer;
import io.tributary.server.problem.Problem;
import io.tributary.server.problem.ProblemTypes;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Objects;

/**
 * Resolves the caller of every request once, after the router has matched the request and before
 * the resource runs. Without credentials configured (open mode) every request is {@code
 * openPrincipal}. Otherwise every route answers 401 without valid credentials, except the {@link
 * PublicRoutes} the router matched, which are not even authenticated (a browser resends Basic
 * credentials with every file, and a password check costs a PBKDF2 hash). Deciding on the matched
 * route, not on the path's text, leaves no spelling of a path that reaches a resource
 * unauthenticated.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter, ContainerResponseFilter {
  /** Sent by API clients that cannot set {@code Authorization}. */
  public static final String API_KEY_HEADER = "X-API-Key";

  static final String CHALLENGE = "Bearer realm=\"tributary\", Basic realm=\"tributary\"";

  private final Authenticator authenticator;
  private final Principal openPrincipal;
  private final TributaryAuthorizer authorizer;
  private final QuotaEnforcer quotas;
  private final PublicRoutes publicRoutes;
  private final ObjectMapper json;
  private final ReadAudit readAudit;

  public AuthenticationFilter(
      Authenticator authenticator,
      Principal openPrincipal,
      TributaryAuthorizer authorizer,
      QuotaEnforcer quotas,
      PublicRoutes publicRoutes,
      ObjectMapper json,
      ReadAudit readAudit) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.openPrincipal = Objects.requireNonNull(openPrincipal, "openPrincipal");
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    this.quotas = Objects.requireNonNull(quotas, "quotas");
    this.publicRoutes = Objects.requireNonNull(publicRoutes, "publicRoutes");
    this.json = Objects.requireNonNull(json, "json");
    this.readAudit = Objects.requireNonNull(readAudit, "readAudit");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (authenticator.isOpen()) {
      request.setProperty(
          Caller.PROPERTY, new Caller(openPrincipal, authorizer, quotas, readAudit));
      return;
    }
    if (publicRoutes.isPublic(request.getUriInfo())) {
      return;
    }
    try {
      Principal principal =
          authenticator.authenticate(
              request.getHeaderString(HttpHeaders.AUTHORIZATION),
              request.getHeaderString(API_KEY_HEADER));
      request.setProperty(Caller.PROPERTY, new Caller(principal, authorizer, quotas, readAudit));
    } catch (AuthenticationException e) {
      Problem problem = Problem.of(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", e.getMessage());
      request.abortWith(
          Response.status(401)
              .type(Problem.MEDIA_TYPE)
              .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
              .entity(problem.toJson(json).toString())
              .build());
    }
  }

  /** The request's reads, audited as one record once it is answered. */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(Caller.PROPERTY) instanceof Caller caller) {
      caller.finish(request.getMethod() + " /" + request.getUriInfo().getPath());
    }
  }
}

package io.tributary.server.security;

import io.tributary.catalog.Entity;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import io.tributary.ingest.Admission;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.Principal;
import io.tributary.ranger.ReadRequest;
import io.tributary.ranger.ResourcePath;
import io.tributary.ranger.TributaryAuthorizer;
import io.tributary.ranger.audit.ReadAudit;
import io.tributary.ranger.quota.QuotaEnforcer;
import io.tributary.server.problem.ApiException;
import io.tributary.server.problem.Problem;
import io.tributary.server.problem.ProblemTypes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.Objects;

/**
 * The authenticated caller of one request and what it may do. Resolved once per request by {@link
 * AuthenticationFilter}; resources read it with {@link #of}. Its reads are decided per resource
 * path and audited as one record when the request {@link #finish finishes}.
 */
public final class Caller implements Admission {
  static final String PROPERTY = Caller.class.getName();

  private final Principal principal;
  private final TributaryAuthorizer authorizer;
  private final QuotaEnforcer quotas;
  private final ReadAudit readAudit;
  private volatile ReadRequest reads;

  public Caller(
      Principal principal,
      TributaryAuthorizer authorizer,
      QuotaEnforcer quotas,
      ReadAudit readAudit) {
    this.principal = Objects.requireNonNull(principal, "principal");
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    this.quotas = Objects.requireNonNull(quotas, "quotas");
    this.readAudit = Objects.requireNonNull(readAudit, "readAudit");
  }

  /**
   * The caller of a request.
   *
   * @throws ApiException 401 when the request was not authenticated (a public route): a route that
   *     needs a caller must not be public, and if it is, it refuses rather than fails
   */
  public static Caller of(ContainerRequestContext request) {
    if (request.getProperty(PROPERTY) instanceof Caller caller) {
      return caller;
    }
    throw new ApiException(
        Problem.of(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", "Credentials are required"),
        Map.of(HttpHeaders.WWW_AUTHENTICATE, AuthenticationFilter.CHALLENGE));
  }

  public Principal principal() {
    return principal;
  }

  /**
   * What the caller may read: search, entities, stats, exports. Never entities of private types
   * (dashboards, governance records), which their own APIs decide.
   */
  public Visibility read() {
    return reads().visibility(AccessType.READ).and(Caller::notPrivate);
  }

  private static boolean notPrivate(Entity entity) {
    return !Types.isPrivate(entity.typeName());
  }

  /**
   * What the caller may see in a lineage walk: entities it may both walk and read; others stay
   * redacted placeholders.
   */
  public Visibility lineage() {
    return reads().lineage();
  }

  /** Audits the request's reads as one record ({@code request}: method and path). */
  void finish(String request) {
    ReadRequest r = reads;
    if (r != null) {
      r.finish(request, readAudit);
    }
  }

  private ReadRequest reads() {
    ReadRequest r = reads;
    if (r == null) {
      synchronized (this) {
        r = reads;
        if (r == null) {
          r = authorizer.readRequest(principal);
          reads = r;
        }
      }
    }
    return r;
  }

  /**
   * A visibility that follows policy changes: rebuilt whenever the policy version changes, for
   * streams that outlive a request's decisions.
   */
  public Visibility following(AccessType access) {
    return new FollowingVisibility(authorizer, principal, access).and(Caller::notPrivate);
  }

  @Override
  public void checkWrite(TenantId tenant) {
    authorizer.checkWrite(principal, tenant);
  }

  public void checkAdmin(TenantId tenant) {
    authorizer.checkAdmin(principal, tenant);
  }

  public void checkPlatformAdmin() {
    authorizer.checkPlatformAdmin(principal);
  }

  public void check(AccessType access, ResourcePath resource) {
    authorizer.check(principal, access, resource);
  }

  /**
   * Whether Ranger allows the caller {@code access} on {@code resource}, without auditing a denial.
   */
  public boolean may(AccessType access, ResourcePath resource) {
    return authorizer.isAllowed(principal, access, resource);
  }

  public boolean isPlatformAdmin() {
    return authorizer.isAllowed(principal, AccessType.ADMIN, ResourcePath.platform());
  }

  /** Whether the caller may read the whole tenant (is one of its members, or an administrator). */
  public boolean mayRead(TenantId tenant) {
    return authorizer.isAllowed(principal, AccessType.READ, ResourcePath.tenant(tenant));
  }

  /** Whether the caller may write into the tenant (a writer or administrator of it). */
  public boolean mayWrite(TenantId tenant) {
    return authorizer.isAllowed(principal, AccessType.WRITE, ResourcePath.tenant(tenant));
  }

  /** The tenant of writes that name none. */
  @Override
  public TenantId homeTenant() {
    return principal.tenant();
  }

  /** Takes {@code events} from the tenant's ingest quota. */
  @Override
  public void acquire(TenantId tenant, int events) {
    quotas.acquire(tenant, events);
  }

  @Override
  public String toString() {
    return "Caller[" + principal.user() + "]";
  }

  /** Rebuilds its decisions when the policies in force change. */
  private static final class FollowingVisibility implements Visibility {
    private record Current(long version, Visibility visibility) {}

    private final TributaryAuthorizer authorizer;
    private final Principal principal;
    private final AccessType access;
    private volatile Current current;

    FollowingVisibility(TributaryAuthorizer authorizer, Principal principal, AccessType access) {
      this.authorizer = authorizer;
      this.principal = principal;
      this.access = access;
    }

    @Override
    public boolean canSee(Entity entity) {
      long version = authorizer.policyVersion();
      Current c = current;
      if (c == null || c.version() != version) {
        c = new Current(version, authorizer.visibilityFor(principal, access));
        current = c;
      }
      return c.visibility().canSee(entity);
    }
  }
}

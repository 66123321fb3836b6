package io.tributary.ranger.auth;

import io.tributary.contract.TenantId;
import io.tributary.ranger.Principal;
import io.tributary.ranger.tenancy.TenantRole;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns request credentials into a {@link Principal}:
 *
 * <ul>
 *   <li>{@code Authorization: Bearer trb_<id>_<secret>} or {@code X-API-Key: trb_...}: an API key
 *       of the users file;
 *   <li>{@code Authorization: Basic ...}: a user and password of the users file;
 *   <li>{@code Authorization: Bearer <JWT>}: a token of the configured issuer.
 * </ul>
 *
 * <p>With no users, API keys or issuer configured the authenticator is <em>open</em>: every request
 * is the local platform administrator, and the server must listen on loopback only and say so.
 * Whether it is open is decided once, at construction: users that appear later do not close it, and
 * users that all disappear later do not open it.
 *
 * <p>The users can be replaced while requests run ({@link #replaceUsers}, when the users file
 * changes): each request reads one snapshot, and a removed user or revoked key fails from the next
 * request on. Nothing about credentials is cached between requests.
 */
public final class Authenticator {
  /** The principal of every request to an open server. */
  public static final Principal LOCAL =
      new Principal("local", Set.of(), Set.of(TenantRole.PLATFORM_ADMIN), TenantId.DEFAULT);

  private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

  private final boolean open;
  private final JwtVerifier jwt;
  private final SecretHasher hasher;
  private volatile UsersFile users;

  public Authenticator(UsersFile users, JwtVerifier jwt, SecretHasher hasher) {
    this.users = Objects.requireNonNull(users, "users");
    this.jwt = jwt;
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.open = users.isEmpty() && jwt == null;
  }

  public static Authenticator open() {
    return new Authenticator(UsersFile.empty(), null, new SecretHasher());
  }

  /**
   * True when no credentials are configured: anyone who can connect is the platform administrator,
   * so the server must bind to loopback only.
   */
  public boolean isOpen() {
    return open;
  }

  /** Puts other users and API keys in force, from the next request on. */
  public void replaceUsers(UsersFile next) {
    Objects.requireNonNull(next, "next");
    if (open && !next.isEmpty() && users.isEmpty()) {
      LOG.warn(
          "authentication: the users file now holds users, but this server started without"
              + " authentication and stays open until it is restarted");
    }
    users = next;
  }

  /** One line for the server's start-up log. */
  public String describe() {
    UsersFile users = this.users;
    if (isOpen()) {
      return "authentication is off (no users, API keys or JWT issuer configured): "
          + "listening on loopback only, every request acts as the local platform administrator";
    }
    return "authentication: "
        + (users.isEmpty() ? "" : "users file (passwords and API keys)")
        + (users.isEmpty() || jwt == null ? "" : ", ")
        + (jwt == null ? "" : "bearer JWTs");
  }

  /**
   * Authenticates one request.
   *
   * @param authorization the {@code Authorization} header, or null
   * @param apiKey the {@code X-API-Key} header, or null
   * @throws AuthenticationException when credentials are missing or wrong
   */
  public Principal authenticate(String authorization, String apiKey) {
    if (isOpen()) {
      return LOCAL;
    }
    if (apiKey != null && !apiKey.isBlank()) {
      return apiKey(apiKey.strip());
    }
    if (authorization == null || authorization.isBlank()) {
      throw new AuthenticationException("Credentials are required");
    }
    String value = authorization.strip();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    String credentials = space < 0 ? "" : value.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Bearer")) {
      if (credentials.startsWith(ApiKeys.PREFIX)) {
        return apiKey(credentials);
      }
      if (jwt == null) {
        throw new AuthenticationException("Bearer JWTs are not accepted: no issuer is configured");
      }
      return jwt.verify(credentials);
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      return basic(credentials);
    }
    throw new AuthenticationException("Authorization scheme '" + scheme + "' is not supported");
  }

  private Principal apiKey(String key) {
    Optional<ApiKeys.Parts> parts = ApiKeys.parse(key);
    if (parts.isEmpty()) {
      throw new AuthenticationException("API key is malformed");
    }
    Optional<ApiKeyEntry> entry = users.apiKey(parts.get().id());
    char[] secret = parts.get().secret().toCharArray();
    boolean valid = entry.isPresent() && hasher.verify(entry.get().secretHash(), secret);
    SecretHasher.wipe(secret);
    if (!valid) {
      throw new AuthenticationException("API key is not valid");
    }
    ApiKeyEntry found = entry.get();
    return new Principal(found.user(), found.groups(), found.roles(), found.tenant());
  }

  private Principal basic(String credentials) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException("Basic credentials are not Base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new AuthenticationException("Basic credentials have no ':'");
    }
    String name = decoded.substring(0, colon);
    char[] password = decoded.substring(colon + 1).toCharArray();
    Optional<UserEntry> user = users.user(name);
    boolean valid;
    if (user.isPresent()) {
      valid = hasher.verify(user.get().passwordHash(), password);
    } else {
      hasher.burnPasswordCheck(password);
      valid = false;
    }
    SecretHasher.wipe(password);
    if (!valid) {
      throw new AuthenticationException("User name or password is wrong");
    }
    UserEntry found = user.get();
    return new Principal(found.name(), found.groups(), found.roles(), found.tenant());
  }
}

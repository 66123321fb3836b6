package io.tributary.ranger.auth;

import io.tributary.config.ConfigDef;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;
import java.nio.file.Path;
import java.time.Duration;

/** The configuration keys of authentication: the users file and bearer JWTs. */
public final class AuthSettings {
  public static final Setting<Path> USERS_FILE =
      Setting.of(
          "auth.users-file",
          ValueType.path(),
          null,
          "The users file: users with PBKDF2 password hashes and API keys with SHA-256 hashes,"
              + " their groups, roles and home tenant (docs/tenancy-and-policy.md); managed with"
              + " `tributary users` or the admin API, and read again when it changes. With neither"
              + " users nor `auth.jwt.issuer` at start, authentication is off: the server listens"
              + " on 127.0.0.1 only and every request acts as the platform administrator of the"
              + " `default` tenant.");

  public static final Setting<Duration> USERS_POLL_INTERVAL =
      Setting.of(
          "auth.users-poll-interval",
          ValueType.duration(Duration.ofMillis(100), Duration.ofMinutes(10)),
          Duration.ofSeconds(5),
          "How often the users file is read again: a user removed or an API key revoked by"
              + " editing the file is refused from then on (changes through the admin API apply"
              + " at once). A malformed file is logged and the last good one stays in force.");

  public static final Setting<String> JWT_ISSUER =
      Setting.of(
          "auth.jwt.issuer",
          ValueType.string(),
          null,
          "Accept `Authorization: Bearer <JWT>` signed by this issuer (`iss`), RS256 or ES256;"
              + " needs `auth.jwt.jwks-url` or `auth.jwt.jwks-file`.");

  public static final Setting<String> JWT_JWKS_URL =
      Setting.of(
          "auth.jwt.jwks-url",
          ValueType.string(),
          null,
          "The issuer's JWK set (`https://idp/.well-known/jwks.json`), fetched and cached, fetched"
              + " again for an unknown key id.");

  public static final Setting<Path> JWT_JWKS_FILE =
      Setting.of(
          "auth.jwt.jwks-file",
          ValueType.path(),
          null,
          "The issuer's JWK set in a local file, instead of `auth.jwt.jwks-url`.");

  public static final Setting<String> JWT_AUDIENCE =
      Setting.of(
          "auth.jwt.audience",
          ValueType.string(),
          null,
          "When set, a token's `aud` must contain it.");

  public static final Setting<String> JWT_USER_CLAIM =
      Setting.of(
          "auth.jwt.user-claim",
          ValueType.string(),
          "sub",
          "The claim holding the user name Ranger policies name.");

  public static final Setting<String> JWT_GROUPS_CLAIM =
      Setting.of(
          "auth.jwt.groups-claim",
          ValueType.string(),
          "groups",
          "The claim holding the user's groups; a dotted name walks into objects"
              + " (`realm_access.groups`).");

  public static final Setting<String> JWT_ROLES_CLAIM =
      Setting.of(
          "auth.jwt.roles-claim",
          ValueType.string(),
          "roles",
          "The claim holding Ranger roles (`acme.writer`, `platform-admin`); a dotted name walks"
              + " into objects (`realm_access.roles`).");

  public static final Setting<String> JWT_TENANT_CLAIM =
      Setting.of(
          "auth.jwt.tenant-claim",
          ValueType.string(),
          "tenant",
          "The claim holding the user's home tenant (`default` when absent).");

  public static final Setting<Duration> JWT_CLOCK_SKEW =
      Setting.of(
          "auth.jwt.clock-skew",
          ValueType.duration(Duration.ZERO, Duration.ofMinutes(10)),
          Duration.ofSeconds(60),
          "Tolerance on a token's `exp` and `nbf`.");

  public static final ConfigDef ALL =
      ConfigDef.of(
          USERS_FILE,
          USERS_POLL_INTERVAL,
          JWT_ISSUER,
          JWT_JWKS_URL,
          JWT_JWKS_FILE,
          JWT_AUDIENCE,
          JWT_USER_CLAIM,
          JWT_GROUPS_CLAIM,
          JWT_ROLES_CLAIM,
          JWT_TENANT_CLAIM,
          JWT_CLOCK_SKEW);

  private AuthSettings() {}
}

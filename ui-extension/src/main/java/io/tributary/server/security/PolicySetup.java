package io.tributary.server.security;

import io.tributary.catalog.types.TypeRegistry;
import io.tributary.config.ConfigException;
import io.tributary.config.Configuration;
import io.tributary.config.Settings;
import io.tributary.contract.TenantId;
import io.tributary.ranger.AuthorizerConfig;
import io.tributary.ranger.EntityResources;
import io.tributary.ranger.admin.RangerAdminConfig;
import io.tributary.ranger.audit.AuditSink;
import io.tributary.ranger.audit.KafkaAuditSink;
import io.tributary.ranger.audit.Slf4jAuditSink;
import io.tributary.ranger.auth.Authenticator;
import io.tributary.ranger.auth.JwtConfig;
import io.tributary.ranger.auth.JwtVerifier;
import io.tributary.ranger.auth.SecretHasher;
import io.tributary.ranger.auth.UserAdmin;
import io.tributary.ranger.auth.UsersStore;
import io.tributary.ranger.bootstrap.PolicyServices;
import io.tributary.ranger.tenancy.Quotas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds authentication, authorization, tenants, quotas and audit from the configuration. */
public final class PolicySetup {
  private PolicySetup() {}

  /**
   * Where tenants, policy files and the policy cache live: {@code data.dir}, except for an
   * in-memory catalog given no data directory, whose tenants and policies are as short-lived as its
   * entities (a new temporary directory, for the caller to delete).
   */
  public static Path stateDirectory(Configuration config) {
    boolean inMemory = config.get(Settings.CATALOG_BACKEND).equals(Settings.BACKEND_INMEMORY);
    if (!inMemory || !config.origin(Settings.DATA_DIR).equals("default")) {
      return config.get(Settings.DATA_DIR);
    }
    try {
      return Files.createTempDirectory("tributary-policies-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary policy directory", e);
    }
  }

  /** Deletes a directory tree, as far as it can. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Starts the policy services with their state in {@code dataDir}; the caller closes them. */
  public static PolicyServices start(
      Configuration config, TypeRegistry types, Path dataDir, Authenticator authenticator) {
    EntityResources resources = new EntityResources(types, EntityResources.DEFAULT_NAMESPACE);
    AuditSink audit = audit(config);
    try {
      AuthorizerConfig authorizer = authorizerConfig(config, dataDir);
      if (authorizer.source() == AuthorizerConfig.Source.LOCAL_FILES) {
        return PolicyServices.embedded(
            dataDir, authorizer, authenticator, audit, resources, Clock.systemUTC());
      }
      return PolicyServices.rangerAdmin(
          dataDir,
          authorizer,
          rangerAdmin(config),
          authenticator,
          audit,
          resources,
          Clock.systemUTC());
    } catch (RuntimeException | Error e) {
      audit.close();
      throw e;
    }
  }

  /** The quotas of a tenant created without its own (the server enforces the ingest rate). */
  public static Quotas defaultQuotas(Configuration config) {
    return new Quotas(
        config.get(Settings.QUOTA_DEFAULT_EVENTS_PER_SECOND),
        config.get(Settings.QUOTA_DEFAULT_BURST),
        0);
  }

  /** The home tenant of requests while authentication is off. */
  public static TenantId openTenant(Configuration config) {
    return new TenantId(config.get(Settings.INGEST_DEFAULT_TENANT));
  }

  /**
   * The users file of {@code auth.users-file}, read and checked before anything starts and read
   * again every {@code auth.users-poll-interval}; a store without users when unset. The caller
   * closes it.
   *
   * @throws ConfigException when the users file is missing or invalid
   */
  public static UsersStore users(Configuration config) {
    Optional<Path> configured = config.find(Settings.AUTH_USERS_FILE);
    if (configured.isEmpty()) {
      return UsersStore.none();
    }
    Path file = configured.get();
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "Configuration key '"
              + Settings.AUTH_USERS_FILE.name()
              + "' names "
              + file
              + ", which is not a file (create it with `tributary users add --users-file`)");
    }
    UsersStore users;
    try {
      users = UsersStore.open(file);
    } catch (RuntimeException e) {
      throw new ConfigException(e.getMessage());
    }
    users.startPolling(config.get(Settings.AUTH_USERS_POLL_INTERVAL));
    return users;
  }

  /**
   * The authenticator of the users file and the configured JWT issuer, following every change of
   * the users file; checked before anything starts.
   *
   * @throws ConfigException when the JWT settings are unusable, or when {@code ingest.api-key} is
   *     set next to real authentication
   */
  public static Authenticator authenticator(Configuration config, UsersStore users) {
    JwtVerifier jwt = config.find(Settings.AUTH_JWT_ISSUER).map(i -> jwt(config, i)).orElse(null);
    Authenticator authenticator = new Authenticator(users.current(), jwt, new SecretHasher());
    users.subscribe(authenticator::replaceUsers);
    if (!authenticator.isOpen() && config.get(Settings.INGEST_API_KEY) != null) {
      throw new ConfigException(
          "Configuration key '"
              + Settings.INGEST_API_KEY.name()
              + "' cannot be combined with authentication ("
              + Settings.AUTH_USERS_FILE.name()
              + " or "
              + Settings.AUTH_JWT_ISSUER.name()
              + "): issue an API key in the users file instead");
    }
    return authenticator;
  }

  /** Changes to the users file for the admin API, written to the file and in force at once. */
  public static UserAdmin userAdmin(UsersStore users) {
    return UserAdmin.of(users);
  }

  private static JwtVerifier jwt(Configuration config, String issuer) {
    URI jwks;
    if (config.get(Settings.AUTH_JWT_JWKS_FILE) != null) {
      jwks = config.get(Settings.AUTH_JWT_JWKS_FILE).toAbsolutePath().toUri();
    } else if (config.get(Settings.AUTH_JWT_JWKS_URL) != null) {
      try {
        jwks = URI.create(config.get(Settings.AUTH_JWT_JWKS_URL).trim());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            "Configuration key '"
                + Settings.AUTH_JWT_JWKS_URL.name()
                + "' is not a URL: "
                + config.get(Settings.AUTH_JWT_JWKS_URL));
      }
    } else {
      throw new ConfigException(
          "Configuration key '"
              + Settings.AUTH_JWT_ISSUER.name()
              + "' needs '"
              + Settings.AUTH_JWT_JWKS_URL.name()
              + "' or '"
              + Settings.AUTH_JWT_JWKS_FILE.name()
              + "'");
    }
    JwtConfig jwtConfig =
        new JwtConfig(
            issuer,
            config.get(Settings.AUTH_JWT_AUDIENCE),
            jwks,
            config.get(Settings.AUTH_JWT_USER_CLAIM),
            config.get(Settings.AUTH_JWT_GROUPS_CLAIM),
            config.get(Settings.AUTH_JWT_ROLES_CLAIM),
            config.get(Settings.AUTH_JWT_TENANT_CLAIM),
            config.get(Settings.AUTH_JWT_CLOCK_SKEW));
    try {
      return new JwtVerifier(jwtConfig);
    } catch (RuntimeException e) {
      throw new ConfigException("JWT settings are invalid: " + e.getMessage());
    }
  }

  static AuthorizerConfig authorizerConfig(Configuration config, Path dataDir) {
    Path cache = config.find(Settings.POLICY_CACHE_DIR).orElse(dataDir.resolve("ranger-cache"));
    AuthorizerConfig base;
    if (config.get(Settings.POLICY_SOURCE).equals(Settings.POLICY_SOURCE_RANGER_ADMIN)) {
      String url = config.get(Settings.POLICY_RANGER_ADMIN_URL);
      if (url == null || url.isBlank()) {
        throw new ConfigException(
            "Configuration key '"
                + Settings.POLICY_SOURCE.name()
                + "' is ranger-admin but '"
                + Settings.POLICY_RANGER_ADMIN_URL.name()
                + "' is unset");
      }
      base =
          AuthorizerConfig.rangerAdmin(
              url, config.get(Settings.POLICY_RANGER_ADMIN_SERVICE), cache);
    } else {
      Path policyDir = config.find(Settings.POLICY_LOCAL_DIR).orElse(dataDir.resolve("policies"));
      Path tags = config.find(Settings.POLICY_TAGS_FILE).orElse(dataDir.resolve("tags.json"));
      AuthorizerConfig local = AuthorizerConfig.localFiles(dataDir);
      base =
          new AuthorizerConfig(
              AuthorizerConfig.Source.LOCAL_FILES,
              local.serviceName(),
              local.appId(),
              policyDir,
              tags,
              null,
              cache,
              local.pollInterval(),
              local.tagPollInterval(),
              Map.of());
    }
    Map<String, String> ranger = new LinkedHashMap<>();
    config
        .withPrefix(Settings.RANGER_PLUGIN)
        .forEach((k, v) -> ranger.put(Settings.RANGER_PLUGIN.prefix() + k, v));
    return base.withPollInterval(
            config.get(Settings.POLICY_POLL_INTERVAL), config.get(Settings.POLICY_POLL_INTERVAL))
        .withRangerProperties(ranger);
  }

  private static RangerAdminConfig rangerAdmin(Configuration config) {
    String user = config.get(Settings.POLICY_RANGER_ADMIN_USERNAME);
    String password = config.get(Settings.POLICY_RANGER_ADMIN_PASSWORD);
    if (user == null || password == null) {
      throw new ConfigException(
          "Ranger Admin as policy source needs '"
              + Settings.POLICY_RANGER_ADMIN_USERNAME.name()
              + "' and '"
              + Settings.POLICY_RANGER_ADMIN_PASSWORD.name()
              + "' to write the policies of tenants and shares");
    }
    return new RangerAdminConfig(
        URI.create(config.get(Settings.POLICY_RANGER_ADMIN_URL).trim()),
        user,
        password,
        config.get(Settings.POLICY_RANGER_ADMIN_SERVICE),
        null);
  }

  private static AuditSink audit(Configuration config) {
    if (!config.get(Settings.AUDIT_SINK).equals(Settings.AUDIT_KAFKA)) {
      return new Slf4jAuditSink();
    }
    String servers =
        config
            .find(Settings.AUDIT_KAFKA_BOOTSTRAP_SERVERS)
            .orElse(config.get(Settings.KAFKA_INGEST_BOOTSTRAP_SERVERS));
    Map<String, Object> producer = new LinkedHashMap<>();
    producer.put("bootstrap.servers", servers);
    return KafkaAuditSink.create(producer, config.get(Settings.AUDIT_KAFKA_TOPIC));
  }
}

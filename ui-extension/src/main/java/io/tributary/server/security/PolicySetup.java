package io.tributary.server.security;

import io.tributary.catalog.CatalogSettings;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.config.ConfigException;
import io.tributary.config.Configuration;
import io.tributary.contract.TenantId;
import io.tributary.ingest.IngestSettings;
import io.tributary.ranger.AuthorizerConfig;
import io.tributary.ranger.EntityResources;
import io.tributary.ranger.PolicySettings;
import io.tributary.ranger.admin.RangerAdminConfig;
import io.tributary.ranger.audit.AuditSettings;
import io.tributary.ranger.audit.AuditSink;
import io.tributary.ranger.audit.AuditSinks;
import io.tributary.ranger.audit.Slf4jAuditSinkProvider;
import io.tributary.ranger.auth.AuthSettings;
import io.tributary.ranger.auth.Authenticator;
import io.tributary.ranger.auth.JwtConfig;
import io.tributary.ranger.auth.JwtVerifier;
import io.tributary.ranger.auth.SecretHasher;
import io.tributary.ranger.auth.UserAdmin;
import io.tributary.ranger.auth.UsersStore;
import io.tributary.ranger.bootstrap.PolicyServices;
import io.tributary.ranger.tenancy.QuotaSettings;
import io.tributary.ranger.tenancy.Quotas;
import io.tributary.ranger.tenancy.TenantStore;
import io.tributary.server.ServerSettings;
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
    boolean inMemory = config.get(CatalogSettings.BACKEND).equals(CatalogSettings.BACKEND_INMEMORY);
    if (!inMemory || !config.origin(ServerSettings.DATA_DIR).equals("default")) {
      return config.get(ServerSettings.DATA_DIR);
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

  /**
   * Starts the policy services with their state in {@code dataDir} and the tenant registry in
   * {@code tenantStore}; the caller closes them.
   */
  public static PolicyServices start(
      Configuration config,
      TypeRegistry types,
      Path dataDir,
      Authenticator authenticator,
      TenantStore tenantStore) {
    EntityResources resources = new EntityResources(types, EntityResources.DEFAULT_NAMESPACE);
    AuditSink audit = audit(config);
    if (Slf4jAuditSinkProvider.NAME.equalsIgnoreCase(config.get(AuditSettings.SINK))) {
      AuditLogFile.route(dataDir);
    }
    try {
      AuthorizerConfig authorizer = authorizerConfig(config, dataDir);
      if (authorizer.source() == AuthorizerConfig.Source.LOCAL_FILES) {
        return PolicyServices.embedded(
            tenantStore, authorizer, authenticator, audit, resources, Clock.systemUTC());
      }
      return PolicyServices.rangerAdmin(
          tenantStore,
          authorizer,
          rangerAdmin(config),
          authenticator,
          audit,
          resources,
          Clock.systemUTC());
    } catch (RuntimeException | Error e) {
      tenantStore.close();
      audit.close();
      throw e;
    }
  }

  /** The quotas of a tenant created without its own (the server enforces the ingest rate). */
  public static Quotas defaultQuotas(Configuration config) {
    return new Quotas(
        config.get(QuotaSettings.DEFAULT_EVENTS_PER_SECOND),
        config.get(QuotaSettings.DEFAULT_BURST),
        0);
  }

  /** The home tenant of requests while authentication is off. */
  public static TenantId openTenant(Configuration config) {
    return new TenantId(config.get(IngestSettings.DEFAULT_TENANT));
  }

  /**
   * The users file of {@code auth.users-file}, read and checked before anything starts and read
   * again every {@code auth.users-poll-interval}; a store without users when unset. The caller
   * closes it.
   *
   * @throws ConfigException when the users file is missing or invalid
   */
  public static UsersStore users(Configuration config) {
    Optional<Path> configured = config.find(AuthSettings.USERS_FILE);
    if (configured.isEmpty()) {
      return UsersStore.none();
    }
    Path file = configured.get();
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "Configuration key '"
              + AuthSettings.USERS_FILE.name()
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
    users.startPolling(config.get(AuthSettings.USERS_POLL_INTERVAL));
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
    JwtVerifier jwt = config.find(AuthSettings.JWT_ISSUER).map(i -> jwt(config, i)).orElse(null);
    Authenticator authenticator = new Authenticator(users.current(), jwt, new SecretHasher());
    users.subscribe(authenticator::replaceUsers);
    if (!authenticator.isOpen() && config.get(ServerSettings.INGEST_API_KEY) != null) {
      throw new ConfigException(
          "Configuration key '"
              + ServerSettings.INGEST_API_KEY.name()
              + "' cannot be combined with authentication ("
              + AuthSettings.USERS_FILE.name()
              + " or "
              + AuthSettings.JWT_ISSUER.name()
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
    if (config.get(AuthSettings.JWT_JWKS_FILE) != null) {
      jwks = config.get(AuthSettings.JWT_JWKS_FILE).toAbsolutePath().toUri();
    } else if (config.get(AuthSettings.JWT_JWKS_URL) != null) {
      try {
        jwks = URI.create(config.get(AuthSettings.JWT_JWKS_URL).trim());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            "Configuration key '"
                + AuthSettings.JWT_JWKS_URL.name()
                + "' is not a URL: "
                + config.get(AuthSettings.JWT_JWKS_URL));
      }
    } else {
      throw new ConfigException(
          "Configuration key '"
              + AuthSettings.JWT_ISSUER.name()
              + "' needs '"
              + AuthSettings.JWT_JWKS_URL.name()
              + "' or '"
              + AuthSettings.JWT_JWKS_FILE.name()
              + "'");
    }
    JwtConfig jwtConfig =
        new JwtConfig(
            issuer,
            config.get(AuthSettings.JWT_AUDIENCE),
            jwks,
            config.get(AuthSettings.JWT_USER_CLAIM),
            config.get(AuthSettings.JWT_GROUPS_CLAIM),
            config.get(AuthSettings.JWT_ROLES_CLAIM),
            config.get(AuthSettings.JWT_TENANT_CLAIM),
            config.get(AuthSettings.JWT_CLOCK_SKEW));
    try {
      return new JwtVerifier(jwtConfig);
    } catch (RuntimeException e) {
      throw new ConfigException("JWT settings are invalid: " + e.getMessage());
    }
  }

  static AuthorizerConfig authorizerConfig(Configuration config, Path dataDir) {
    Path cache = config.find(PolicySettings.CACHE_DIR).orElse(dataDir.resolve("ranger-cache"));
    AuthorizerConfig base;
    if (config.get(PolicySettings.SOURCE).equals(PolicySettings.SOURCE_RANGER_ADMIN)) {
      String url = config.get(PolicySettings.RANGER_ADMIN_URL);
      if (url == null || url.isBlank()) {
        throw new ConfigException(
            "Configuration key '"
                + PolicySettings.SOURCE.name()
                + "' is ranger-admin but '"
                + PolicySettings.RANGER_ADMIN_URL.name()
                + "' is unset");
      }
      base =
          AuthorizerConfig.rangerAdmin(url, config.get(PolicySettings.RANGER_ADMIN_SERVICE), cache);
    } else {
      Path policyDir = config.find(PolicySettings.LOCAL_DIR).orElse(dataDir.resolve("policies"));
      Path tags = config.find(PolicySettings.TAGS_FILE).orElse(dataDir.resolve("tags.json"));
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
        .withPrefix(PolicySettings.RANGER_PLUGIN)
        .forEach((k, v) -> ranger.put(PolicySettings.RANGER_PLUGIN.prefix() + k, v));
    return base.withPollInterval(
            config.get(PolicySettings.POLL_INTERVAL), config.get(PolicySettings.POLL_INTERVAL))
        .withRangerProperties(ranger);
  }

  private static RangerAdminConfig rangerAdmin(Configuration config) {
    String user = config.get(PolicySettings.RANGER_ADMIN_USERNAME);
    String password = config.get(PolicySettings.RANGER_ADMIN_PASSWORD);
    if (user == null || password == null) {
      throw new ConfigException(
          "Ranger Admin as policy source needs '"
              + PolicySettings.RANGER_ADMIN_USERNAME.name()
              + "' and '"
              + PolicySettings.RANGER_ADMIN_PASSWORD.name()
              + "' to write the policies of tenants and shares");
    }
    return new RangerAdminConfig(
        URI.create(config.get(PolicySettings.RANGER_ADMIN_URL).trim()),
        user,
        password,
        config.get(PolicySettings.RANGER_ADMIN_SERVICE),
        null);
  }

  /**
   * The sink {@code audit.sink} names, among the built-ins and the plug-ins on the class path. The
   * audit topic's brokers default to the ingest topic's, a key of another module.
   */
  private static AuditSink audit(Configuration config) {
    Configuration withBrokers =
        config.withDefault(
            AuditSettings.KAFKA_BOOTSTRAP_SERVERS,
            config.get(IngestSettings.KAFKA_BOOTSTRAP_SERVERS));
    return AuditSinks.load().create(config.get(AuditSettings.SINK), withBrokers);
  }
}

package io.tributary.ranger;

import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.contract.TenantId;
import io.tributary.ranger.audit.AuditRecord;
import io.tributary.ranger.audit.AuditSink;
import io.tributary.ranger.tenancy.LocalPolicyStore;
import io.tributary.ranger.tenancy.TenantPolicies;
import io.tributary.ranger.tenancy.TenantRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Three tenants, a user of each role in each, and helpers to write policy files. */
final class Fixtures {
  static final TenantId ACME = new TenantId("acme");
  static final TenantId GLOBEX = new TenantId("globex");
  static final TenantId INITECH = new TenantId("initech");
  static final List<TenantId> TENANTS = List.of(ACME, GLOBEX, INITECH);
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Fixtures() {}

  static Principal user(TenantId tenant, TenantRole role) {
    return new Principal(
        tenant + "-" + role.name().toLowerCase(java.util.Locale.ROOT),
        Set.of(),
        Set.of(role.roleName(tenant)),
        tenant);
  }

  static Principal platformAdmin() {
    return new Principal("root", Set.of(), Set.of(TenantRole.PLATFORM_ADMIN), TenantId.DEFAULT);
  }

  static Principal nobody() {
    return new Principal("nobody", Set.of(), Set.of(), TenantId.DEFAULT);
  }

  /** Writes the platform policy and the policies of the three tenants. */
  static void writeTenantPolicies(Path policyDir) {
    LocalPolicyStore store = new LocalPolicyStore(policyDir, "tributary");
    TenantPolicies policies = new TenantPolicies("tributary");
    store.put(policies.forPlatform());
    TENANTS.forEach(t -> store.put(policies.forTenant(t)));
  }

  static void write(Path file, String json) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(temp, json, StandardCharsets.UTF_8);
      Files.move(
          temp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String resource(String name) {
    try (var in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static AuthorizerConfig config(Path dataDir) {
    // Polls are triggered by the tests (refresh()) except where a test shortens them.
    return AuthorizerConfig.localFiles(dataDir)
        .withPollInterval(Duration.ofHours(1), Duration.ofHours(1));
  }

  static Entity dataset(TenantId tenant, String name, String namespace, String... classifications) {
    EntityKey key = new EntityKey(tenant, "kafka_topic", name + "@" + namespace);
    return new Entity(Guid.forKey(key), key, name, Map.of(), Set.of(classifications), T0, T0);
  }

  static Entity job(TenantId tenant, String name, String namespace) {
    EntityKey key = new EntityKey(tenant, "flink_application", name + "@" + namespace);
    return new Entity(Guid.forKey(key), key, name, Map.of(), Set.of(), T0, T0);
  }

  /** Keeps audit records in memory. */
  static final class CapturingSink implements AuditSink {
    final List<AuditRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void send(AuditRecord record) {
      records.add(record);
    }

    @Override
    public long dropped() {
      return 0;
    }
  }
}

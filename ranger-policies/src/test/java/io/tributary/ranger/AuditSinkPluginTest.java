package io.tributary.ranger;

import static io.tributary.ranger.Fixtures.ACME;
import static io.tributary.ranger.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.config.ConfigDef;
import io.tributary.config.ConfigException;
import io.tributary.config.ConfigLoader;
import io.tributary.config.Configuration;
import io.tributary.ranger.audit.AuditSettings;
import io.tributary.ranger.audit.AuditSink;
import io.tributary.ranger.audit.AuditSinks;
import io.tributary.ranger.audit.InMemoryAuditSinkProvider;
import io.tributary.ranger.tenancy.TenantRole;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditSinkPluginTest {
  @TempDir Path dataDir;

  private static Configuration load(Map<String, String> flags) {
    AuditSinks sinks = AuditSinks.load();
    return new ConfigLoader(ConfigDef.concat(AuditSettings.ALL, sinks.settings()), Map.of())
        .load(flags);
  }

  @Test
  void shouldFindAPluginOnTheClassPathNextToTheBuiltIns() {
    assertThat(AuditSinks.load().names()).contains("log", "kafka", "memory");
  }

  @Test
  void shouldAuditDecisionsThroughThePluginConfigurationNames() {
    Configuration config = load(Map.of("audit.sink", "memory", "audit.memory.label", "plugged"));
    AuditSink sink = AuditSinks.load().create(config.get(AuditSettings.SINK), config);
    AuthorizerConfig authorizerConfig = Fixtures.config(dataDir);
    Fixtures.writeTenantPolicies(authorizerConfig.policyDir());

    try (TributaryAuthorizer authorizer =
        TributaryAuthorizer.start(authorizerConfig, sink, EntityResources.builtIn())) {
      authorizer.isAllowed(
          user(ACME, TenantRole.READER), AccessType.READ, ResourcePath.dataset(ACME, "prod", "x"));
    }

    assertThat(InMemoryAuditSinkProvider.RECEIVED).contains("plugged:acme-reader:read");
  }

  @Test
  void shouldRefuseAnUnknownSinkNamingTheKnownOnes() {
    assertThatThrownBy(() -> load(Map.of("audit.sink", "splunk")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'audit.sink'")
        .hasMessageContaining("Audit sink 'splunk' is unknown: use one of")
        .hasMessageContaining("log, kafka");
  }
}

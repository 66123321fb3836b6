package io.tributary.ranger.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tributary.contract.TenantId;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.AuthorizerConfig;
import io.tributary.ranger.EntityResources;
import io.tributary.ranger.Principal;
import io.tributary.ranger.ResourcePath;
import io.tributary.ranger.TributaryAuthorizer;
import io.tributary.ranger.audit.AuditRecord;
import io.tributary.ranger.audit.AuditSink;
import io.tributary.ranger.servicedef.ServiceDefinitions;
import io.tributary.ranger.tenancy.TenantPolicies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.apache.ranger.plugin.model.RangerRole;
import org.apache.ranger.plugin.util.JsonUtilsV2;
import org.apache.ranger.plugin.util.RangerRoles;
import org.apache.ranger.plugin.util.ServicePolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The authorizer with Ranger Admin as policy source, through Ranger's own REST client. */
class RangerAdminPolicySourceTest {
  @RegisterExtension
  static WireMockExtension ranger =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TenantId ACME = new TenantId("acme");
  // Ranger Admin's roles make every member of group 'analysts' a member of role acme.reader.
  private static final Principal ANALYST = new Principal("ann", Set.of("analysts"), Set.of(), ACME);
  private static final ResourcePath ORDERS = ResourcePath.dataset(ACME, "prod", "orders");

  @TempDir Path cacheDir;

  @Test
  void shouldEnforcePoliciesAndRolesDownloadedFromRangerAdminAndCacheThem() throws Exception {
    ranger.stubFor(
        get(urlPathEqualTo("/service/plugins/policies/download/tributary"))
            .withQueryParam("lastKnownVersion", equalTo("-1"))
            .willReturn(okJson(JsonUtilsV2.objToJson(downloadedPolicies()))));
    ranger.stubFor(
        get(urlPathEqualTo("/service/plugins/policies/download/tributary"))
            .withQueryParam("lastKnownVersion", equalTo("12"))
            .willReturn(aResponse().withStatus(304)));
    ranger.stubFor(
        get(urlPathEqualTo("/service/roles/download/tributary"))
            .withQueryParam("lastKnownRoleVersion", equalTo("-1"))
            .willReturn(okJson(JsonUtilsV2.objToJson(downloadedRoles()))));
    ranger.stubFor(
        get(urlPathEqualTo("/service/roles/download/tributary"))
            .withQueryParam("lastKnownRoleVersion", equalTo("4"))
            .willReturn(aResponse().withStatus(304)));
    ranger.stubFor(
        get(urlPathEqualTo("/service/tags/download/tributary"))
            .willReturn(aResponse().withStatus(304)));

    try (TributaryAuthorizer authorizer = startAuthorizer()) {
      assertThat(authorizer.policyVersion()).isEqualTo(12);
      assertThat(authorizer.isAllowed(ANALYST, AccessType.READ, ORDERS)).isTrue();
      assertThat(authorizer.isAllowed(ANALYST, AccessType.WRITE, ORDERS)).isFalse();
      assertThat(authorizer.policyFiles()).isEmpty();

      authorizer.refresh();
      assertThat(authorizer.policyVersion()).isEqualTo(12);
    }
    ranger.verify(
        getRequestedFor(urlPathEqualTo("/service/plugins/policies/download/tributary"))
            .withQueryParam("supportsPolicyDeltas", equalTo("false")));
    try (var files = Files.list(cacheDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("tributary_tributary.json", "tributary_tributary_roles.json");
    }
  }

  @Test
  void shouldStartFromThePolicyCacheWhenRangerAdminIsDown() throws Exception {
    Files.writeString(
        cacheDir.resolve("tributary_tributary.json"), JsonUtilsV2.objToJson(downloadedPolicies()));
    Files.writeString(
        cacheDir.resolve("tributary_tributary_roles.json"),
        JsonUtilsV2.objToJson(downloadedRoles()));
    ranger.stubFor(
        get(urlPathEqualTo("/service/plugins/policies/download/tributary"))
            .willReturn(aResponse().withStatus(503)));
    ranger.stubFor(
        get(urlPathEqualTo("/service/roles/download/tributary"))
            .willReturn(aResponse().withStatus(503)));

    try (TributaryAuthorizer authorizer = startAuthorizer()) {
      assertThat(authorizer.isAllowed(ANALYST, AccessType.READ, ORDERS)).isTrue();
    }
  }

  /** The authorizer with Ranger Admin (the stub) as its policy source; it polls once an hour. */
  private TributaryAuthorizer startAuthorizer() {
    AuthorizerConfig config =
        AuthorizerConfig.rangerAdmin(ranger.baseUrl(), "tributary", cacheDir)
            .withPollInterval(Duration.ofHours(1), Duration.ofHours(1));
    return TributaryAuthorizer.start(config, new NoAudit(), EntityResources.builtIn());
  }

  /** What Ranger Admin's policy download returns: the service def and the service's policies. */
  private static ServicePolicies downloadedPolicies() {
    ServicePolicies policies = new ServicePolicies();
    policies.setServiceName("tributary");
    policies.setServiceId(5L);
    policies.setPolicyVersion(12L);
    policies.setPolicyUpdateTime(new Date(1_767_225_600_000L));
    policies.setServiceDef(ServiceDefinitions.tributary());
    var tenant = new TenantPolicies("tributary").forTenant(ACME).policies().get(0);
    tenant.setId(7L);
    policies.setPolicies(List.of(tenant));
    return policies;
  }

  private static RangerRoles downloadedRoles() {
    RangerRole reader = new RangerRole();
    reader.setId(3L);
    reader.setName("acme.reader");
    reader.setGroups(List.of(new RangerRole.RoleMember("analysts", false)));
    RangerRoles roles = new RangerRoles();
    roles.setServiceName("tributary");
    roles.setRoleVersion(4L);
    roles.setRoleUpdateTime(new Date(1_767_225_600_000L));
    roles.setRangerRoles(Set.of(reader));
    return roles;
  }

  private static final class NoAudit implements AuditSink {
    @Override
    public void send(AuditRecord record) {}

    @Override
    public long dropped() {
      return 0;
    }
  }
}

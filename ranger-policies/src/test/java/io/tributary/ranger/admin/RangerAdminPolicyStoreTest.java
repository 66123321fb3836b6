package io.tributary.ranger.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tributary.contract.TenantId;
import io.tributary.ranger.tenancy.Share;
import io.tributary.ranger.tenancy.TenantConfig;
import io.tributary.ranger.tenancy.TenantPolicies;
import io.tributary.ranger.tenancy.TenantRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Tenant and share policies against a stand-in for Ranger Admin's public REST API v2. */
class RangerAdminPolicyStoreTest {
  @RegisterExtension
  static WireMockExtension ranger =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String API = "/service/public/v2/api";
  private static final String NOT_FOUND = "{\"statusCode\":1,\"msgDesc\":\"Not found\"}";
  private static final TenantId ACME = new TenantId("acme");
  private static final TenantId GLOBEX = new TenantId("globex");

  @TempDir Path dataDir;
  private TenantRegistry registry;

  @BeforeEach
  void openRegistry() {
    ranger.stubFor(post(urlPathEqualTo(API + "/roles")).willReturn(okJson("{\"id\":3}")));
    ranger.stubFor(
        get(urlPathEqualTo(API + "/service/tributary/policy/platform-admin"))
            .willReturn(okJson("{\"id\":1,\"name\":\"platform-admin\"}")));
    ranger.stubFor(put(urlEqualTo(API + "/policy/1")).willReturn(okJson("{\"id\":1}")));
    RangerAdminApi api =
        new RangerAdminApi(
            new RangerAdminConfig(
                URI.create(ranger.baseUrl()),
                "admin",
                "rangerR0cks!",
                "tributary",
                Duration.ofSeconds(5)));
    registry =
        TenantRegistry.open(
            dataDir.resolve("tenants.json"),
            new RangerAdminPolicyStore(api),
            new TenantPolicies("tributary"),
            InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z")));
  }

  @Test
  void shouldCreateRolesThenTheTenantPolicyWithRangersExactShapes() {
    ranger.stubFor(
        get(urlPathEqualTo(API + "/service/tributary/policy/tenant-acme"))
            .willReturn(aResponse().withStatus(404).withBody(NOT_FOUND)));
    ranger.stubFor(
        post(urlEqualTo(API + "/policy"))
            .willReturn(okJson("{\"id\":7,\"name\":\"tenant-acme\"}")));

    registry.create(ACME, TenantConfig.DEFAULT);

    ranger.verify(
        postRequestedFor(urlEqualTo(API + "/policy"))
            .withHeader("Authorization", equalTo("Basic YWRtaW46cmFuZ2VyUjBja3Mh"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson(resource("tenant-acme-policy.json"))));
    ranger.verify(
        postRequestedFor(urlEqualTo(API + "/roles"))
            .withRequestBody(equalToJson(resource("role-acme-admin.json"))));
    for (String role : List.of("acme.writer", "acme.reader", "platform-admin")) {
      ranger.verify(
          postRequestedFor(urlEqualTo(API + "/roles"))
              .withRequestBody(
                  equalToJson(
                      "{\"isEnabled\":true,\"name\":\""
                          + role
                          + "\",\"description\":\"Tributary role "
                          + role
                          + "\"}")));
    }
    ranger.verify(
        putRequestedFor(urlEqualTo(API + "/policy/1"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                    "$.name", equalTo("platform-admin"))));
    assertThat(registry.get(ACME)).isPresent();
  }

  @Test
  void shouldReplaceAPolicyOfTheSameNameThatExistsAlready() {
    ranger.stubFor(
        get(urlPathEqualTo(API + "/service/tributary/policy/tenant-acme"))
            .willReturn(okJson("{\"id\":42,\"name\":\"tenant-acme\",\"service\":\"tributary\"}")));
    ranger.stubFor(put(urlEqualTo(API + "/policy/42")).willReturn(okJson("{\"id\":42}")));

    registry.create(ACME, TenantConfig.DEFAULT);

    ranger.verify(
        putRequestedFor(urlEqualTo(API + "/policy/42"))
            .withRequestBody(equalToJson(resource("tenant-acme-policy.json"))));
    ranger.verify(0, postRequestedFor(urlEqualTo(API + "/policy")));
  }

  @Test
  void shouldToleratePreexistingRolesAsRangerReportsThem() {
    ranger.stubFor(
        post(urlPathEqualTo(API + "/roles"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"statusCode\":1,\"msgDesc\":\"Role with name: acme.admin already exists\"}")));
    ranger.stubFor(
        get(urlPathEqualTo(API + "/service/tributary/policy/tenant-acme"))
            .willReturn(aResponse().withStatus(404).withBody(NOT_FOUND)));
    ranger.stubFor(post(urlEqualTo(API + "/policy")).willReturn(okJson("{\"id\":7}")));

    registry.create(ACME, TenantConfig.DEFAULT);

    assertThat(registry.get(ACME)).isPresent();
  }

  @Test
  void shouldReportRangersValidationFailureAndNotRegisterTheTenant() {
    ranger.stubFor(
        get(urlPathEqualTo(API + "/service/tributary/policy/tenant-acme"))
            .willReturn(aResponse().withStatus(404).withBody(NOT_FOUND)));
    ranger.stubFor(
        post(urlEqualTo(API + "/policy"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"statusCode\":1,\"msgDesc\":\"(0) Validation failure: error code[3010], reason[Another policy already exists for matching resource: policy-name=[legacy-acme], service=[tributary]], field[resources], subfield[null], type[semantically incorrect] \"}")));

    assertThatThrownBy(() -> registry.create(ACME, TenantConfig.DEFAULT))
        .isInstanceOfSatisfying(
            RangerAdminException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageStartingWith(
            "Ranger Admin refused to create policy 'tenant-acme' (HTTP 400): (0) Validation failure: error code[3010], reason[Another policy already exists for matching resource: policy-name=[legacy-acme]");
    assertThat(registry.get(ACME)).isEmpty();
  }

  @Test
  void shouldNameTheUserWhenRangerRejectsTheCredentials() {
    ranger.stubFor(
        post(urlPathEqualTo(API + "/roles")).willReturn(aResponse().withStatus(401).withBody("")));

    assertThatThrownBy(() -> registry.create(ACME, TenantConfig.DEFAULT))
        .isInstanceOf(RangerAdminException.class)
        .hasMessage(
            "Ranger Admin refused to create role 'acme.admin' (user 'admin' was not authenticated)")
        .hasMessageNotContaining("rangerR0cks!");
  }

  @Test
  void shouldDeletePoliciesByNameAndRolesOfADeletedTenant() {
    ranger.stubFor(
        get(urlPathEqualTo(API + "/service/tributary/policy/tenant-acme"))
            .willReturn(aResponse().withStatus(404).withBody(NOT_FOUND)));
    ranger.stubFor(post(urlEqualTo(API + "/policy")).willReturn(okJson("{\"id\":7}")));
    ranger.stubFor(delete(urlPathEqualTo(API + "/policy")).willReturn(aResponse().withStatus(204)));
    ranger.stubFor(
        delete(urlPathEqualTo(API + "/roles/name/acme.admin"))
            .willReturn(aResponse().withStatus(204)));
    ranger.stubFor(
        delete(urlPathEqualTo(API + "/roles/name/acme.writer"))
            .willReturn(aResponse().withStatus(204)));
    ranger.stubFor(
        delete(urlPathEqualTo(API + "/roles/name/acme.reader"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"statusCode\":1,\"msgDesc\":\"(0) Validation failure: error code[4007], reason[No RangerRole found for name[acme.reader]], field[name], subfield[null], type[missing] \"}")));
    registry.create(ACME, TenantConfig.DEFAULT);

    registry.delete(ACME);

    ranger.verify(
        deleteRequestedFor(
            urlEqualTo(API + "/policy?servicename=tributary&policyname=tenant-acme")));
    ranger.verify(deleteRequestedFor(urlEqualTo(API + "/roles/name/acme.admin")));
    ranger.verify(deleteRequestedFor(urlEqualTo(API + "/roles/name/acme.reader")));
    assertThat(registry.get(ACME)).isEmpty();
  }

  @Test
  void shouldCreateAndDeleteTheSharePolicy() {
    ranger.stubFor(
        get(urlPathEqualTo(API + "/service/tributary/policy/tenant-acme"))
            .willReturn(aResponse().withStatus(404).withBody(NOT_FOUND)));
    ranger.stubFor(
        get(urlPathEqualTo(API + "/service/tributary/policy/tenant-globex"))
            .willReturn(aResponse().withStatus(404).withBody(NOT_FOUND)));
    ranger.stubFor(post(urlEqualTo(API + "/policy")).willReturn(okJson("{\"id\":9}")));
    ranger.stubFor(
        get(urlPathMatching(API + "/service/tributary/policy/share-acme-to-globex-[0-9a-f]+"))
            .willReturn(aResponse().withStatus(404).withBody(NOT_FOUND)));
    ranger.stubFor(delete(urlPathEqualTo(API + "/policy")).willReturn(aResponse().withStatus(204)));
    registry.create(ACME, TenantConfig.DEFAULT);
    registry.create(GLOBEX, TenantConfig.DEFAULT);

    Share share = registry.share(ACME, GLOBEX, "prod", List.of("payments-*", "orders"));
    registry.revoke(ACME, share.id());

    ranger.verify(
        postRequestedFor(urlEqualTo(API + "/policy"))
            .withRequestBody(
                equalToJson(
                    resource("share-acme-to-globex-policy.json").replace("SHAREID", share.id()))));
    ranger.verify(
        deleteRequestedFor(
            urlEqualTo(
                API
                    + "/policy?servicename=tributary&policyname=share-acme-to-globex-"
                    + share.id())));
  }

  private static String resource(String name) {
    try (InputStream in =
        RangerAdminPolicyStoreTest.class.getResourceAsStream("/ranger-admin/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

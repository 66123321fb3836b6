package io.tributary.ranger.servicedef;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ranger.plugin.contextenricher.RangerContextEnricher;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.model.RangerServiceDef;
import org.apache.ranger.plugin.model.RangerServiceDef.RangerAccessTypeDef;
import org.apache.ranger.plugin.model.RangerServiceDef.RangerResourceDef;
import org.apache.ranger.plugin.model.validation.RangerServiceDefHelper;
import org.apache.ranger.plugin.service.RangerBaseService;
import org.junit.jupiter.api.Test;

class ServiceDefinitionsTest {
  private final RangerServiceDef def = ServiceDefinitions.tributary();

  @Test
  void shouldDefineTheTenantNamespaceDatasetOrJobHierarchy() {
    RangerServiceDefHelper helper = new RangerServiceDefHelper(def, false);
    assertThat(helper.isResourceGraphValid()).isTrue();
    Set<List<String>> hierarchies =
        helper.getResourceHierarchies(RangerPolicy.POLICY_TYPE_ACCESS).stream()
            .map(h -> h.stream().map(RangerResourceDef::getName).toList())
            .collect(Collectors.toSet());
    assertThat(hierarchies)
        .contains(List.of("tenant", "namespace", "dataset"), List.of("tenant", "namespace", "job"));
    assertThat(def.getResources())
        .filteredOn(r -> r.getName().equals("dataset"))
        .singleElement()
        .satisfies(r -> assertThat(r.getRecursiveSupported()).isTrue());
  }

  @Test
  void shouldOfferTheSixAccessTypesWithDenyAndExceptions() {
    assertThat(def.getAccessTypes())
        .extracting(RangerAccessTypeDef::getName)
        .containsExactly("read", "write", "lineage", "share", "approve", "admin");
    assertThat(def.getOptions()).containsEntry("enableDenyAndExceptionsInPolicies", "true");
  }

  @Test
  void shouldNameClassesThatExistAndFitRanger() throws Exception {
    assertThat(RangerBaseService.class.isAssignableFrom(Class.forName(def.getImplClass())))
        .isTrue();
    for (var enricher : def.getContextEnrichers()) {
      assertThat(
              RangerContextEnricher.class.isAssignableFrom(Class.forName(enricher.getEnricher())))
          .isTrue();
    }
  }

  @Test
  void shouldHookTheTagEnricherUpWithPrefixedAccessTypes() {
    RangerServiceDef tag = ServiceDefinitions.tagFor(def, Duration.ofSeconds(5));
    assertThat(tag.getName()).isEqualTo("tag");
    assertThat(tag.getAccessTypes())
        .extracting(RangerAccessTypeDef::getName)
        .containsExactly(
            "tributary:read",
            "tributary:write",
            "tributary:lineage",
            "tributary:share",
            "tributary:approve",
            "tributary:admin");
    assertThat(tag.getAccessTypes().get(5).getImpliedGrants())
        .containsExactly(
            "tributary:read",
            "tributary:write",
            "tributary:lineage",
            "tributary:share",
            "tributary:approve");
    assertThat(tag.getContextEnrichers())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getEnricher())
                  .isEqualTo("org.apache.ranger.plugin.contextenricher.RangerTagEnricher");
              assertThat(e.getEnricherOptions())
                  .containsEntry("tagRefresherPollingInterval", "5000")
                  .containsEntry(
                      "tagRetrieverClassName",
                      "org.apache.ranger.plugin.contextenricher.RangerAdminTagRetriever");
            });
  }
}

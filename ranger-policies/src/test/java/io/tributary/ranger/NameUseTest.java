package io.tributary.ranger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.model.RangerPolicy.RangerPolicyItemCondition;
import org.apache.ranger.plugin.model.RangerPolicy.RangerPolicyResource;
import org.apache.ranger.plugin.util.ServicePolicies;
import org.junit.jupiter.api.Test;

class NameUseTest {
  private static final ResourcePath ORDERS =
      new ResourcePath("acme", "prod", ResourcePath.Kind.DATASET, "orders");
  private static final ResourcePath GLOBEX_X =
      new ResourcePath("globex", "prod", ResourcePath.Kind.DATASET, "x");

  private static RangerPolicy policy(String tenant, String namespace, String dataset) {
    Map<String, RangerPolicyResource> resources = new LinkedHashMap<>();
    resources.put("tenant", new RangerPolicyResource(List.of(tenant), false, false));
    resources.put("namespace", new RangerPolicyResource(List.of(namespace), false, false));
    resources.put("dataset", new RangerPolicyResource(List.of(dataset), false, true));
    RangerPolicy p = new RangerPolicy();
    p.setResources(resources);
    return p;
  }

  private static NameUse of(RangerPolicy... policies) {
    ServicePolicies sp = new ServicePolicies();
    sp.setPolicyVersion(7L);
    sp.setPolicies(List.of(policies));
    return NameUse.of(sp);
  }

  @Test
  void shouldLetNamesCountNowhereUnderWildcardPolicies() {
    NameUse names = of(policy("acme", "*", "*"), policy("*", "*", "*"));

    assertThat(names.version()).isEqualTo(7);
    assertThat(names.matters(ORDERS)).isFalse();
    assertThat(names.matters(GLOBEX_X)).isFalse();
  }

  @Test
  void shouldLetNamesCountOnlyInTheNamespaceAPolicyNamesThemIn() {
    NameUse names = of(policy("acme", "*", "*"), policy("globex", "prod", "x"));

    assertThat(names.matters(GLOBEX_X)).isTrue();
    assertThat(names.matters(ORDERS)).isFalse();
    assertThat(names.matters(new ResourcePath("globex", "test", ResourcePath.Kind.JOB, "x")))
        .isFalse();
    // A name pattern counts as names: orders-* tells orders-1 from other datasets.
    assertThat(of(policy("globex", "prod", "orders-*")).matters(GLOBEX_X)).isTrue();
  }

  @Test
  void shouldLetNamesCountEverywhereWhenThePolicySetCannotBeReadExactly() {
    // A dataset named under a namespace pattern, a condition, deltas, or no policies at all.
    assertThat(of(policy("globex", "pr*", "x")).matters(ORDERS)).isTrue();
    RangerPolicy conditional = policy("acme", "*", "*");
    conditional.setConditions(
        List.of(new RangerPolicyItemCondition("ip-range", List.of("10.0.0.0/8"))));
    assertThat(of(conditional).matters(ORDERS)).isTrue();
    ServicePolicies deltas = new ServicePolicies();
    deltas.setPolicies(List.of());
    deltas.setPolicyDeltas(List.of(new org.apache.ranger.plugin.model.RangerPolicyDelta()));
    assertThat(NameUse.of(deltas).matters(ORDERS)).isTrue();
    assertThat(NameUse.of(null).matters(ORDERS)).isTrue();
  }
}

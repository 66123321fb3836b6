package io.tributary.ranger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.ranger.tenancy.ClassificationRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationRuleTest {
  @Test
  void shouldMatchOnlyWhenEveryConditionHolds() {
    ClassificationRule rule =
        new ClassificationRule("PII", "(?i)mail", "column", "(?i)varchar.*", null, null, 0.8);
    assertThat(rule.matches("t@prod.email", true, "VARCHAR(255)", Map.of(), null)).isTrue();
    assertThat(rule.matches("t@prod.email", true, "INT", Map.of(), null)).isFalse();
    assertThat(rule.matches("t@prod.email", false, "VARCHAR", Map.of(), null)).isFalse();
    assertThat(rule.confidenceOrDefault()).isEqualTo(0.8);
  }

  @Test
  void shouldMatchATagByKeyOrValueIgnoringCase() {
    ClassificationRule rule = new ClassificationRule("PII", null, null, null, "gdpr", null, null);
    assertThat(rule.matches("x", false, null, Map.of("compliance", "GDPR"), null)).isTrue();
    assertThat(rule.matches("x", false, null, Map.of("GDPR", ""), null)).isTrue();
    assertThat(rule.matches("x", false, null, Map.of("other", "x"), null)).isFalse();
  }

  @Test
  void shouldMatchAnIdentifierLikeColumnByItsDistinctShare() {
    ClassificationRule rule = new ClassificationRule("PII", null, "column", null, null, 0.95, 0.6);
    assertThat(rule.matches("t@prod.id", true, null, Map.of(), 0.99)).isTrue();
    assertThat(rule.matches("t@prod.id", true, null, Map.of(), 0.2)).isFalse();
    assertThat(rule.matches("t@prod.id", true, null, Map.of(), null)).isFalse();
  }

  @Test
  void shouldReadDistinctShareFromTheQualityMetricsFacet() {
    String metrics = "{\"rowCount\": 200, \"columnMetrics\": {\"id\": {\"distinctCount\": 190}}}";
    assertThat(ClassificationEngine.ratio(metrics, "id")).isEqualTo(0.95);
    assertThat(ClassificationEngine.ratio(metrics, "name")).isNull();
  }

  @Test
  void shouldRefuseARuleWithoutAnyCondition() {
    assertThatThrownBy(() -> new ClassificationRule("PII", null, null, null, null, null, null))
        .hasMessageContaining("has no condition");
    assertThatThrownBy(() -> new ClassificationRule("PII", "x", "table", null, null, null, null))
        .hasMessageContaining("appliesTo");
  }

  @Test
  void shouldKeepTheNameOnlyFormOfEarlierTenants() {
    ClassificationRule rule = new ClassificationRule("PII", "(?i)ssn");
    assertThat(rule.matches("hr@prod.SSN")).isTrue();
    assertThat(rule.matches("hr@prod.ssn", true, "STRING", Map.of(), null)).isTrue();
  }
}

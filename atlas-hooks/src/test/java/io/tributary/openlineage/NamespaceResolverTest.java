package io.tributary.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceResolverTest {

  @Test
  void shouldNameAClusterByItsAuthorityByDefault() {
    NamespaceResolver resolver = NamespaceResolver.defaults();

    assertThat(resolver.cluster("kafka://broker-1:9092")).isEqualTo("broker-1:9092");
    assertThat(resolver.cluster("kafka://Broker-1.Prod:9092/")).isEqualTo("broker-1.prod:9092");
    assertThat(resolver.cluster("pulsar://pulsar:6650?tls=true")).isEqualTo("pulsar:6650");
    assertThat(resolver.cluster("mqtt://edge:1883#x")).isEqualTo("edge:1883");
  }

  @Test
  void shouldDropUserInfoFromTheDefaultCluster() {
    assertThat(NamespaceResolver.defaults().cluster("kafka://svc:s3cret@broker:9092"))
        .isEqualTo("broker:9092");
  }

  @Test
  void shouldNameAnAwsArnByRegionAndAccount() {
    assertThat(NamespaceResolver.defaults().cluster("arn:aws:kinesis:eu-west-1:123456789012"))
        .isEqualTo("eu-west-1:123456789012");
  }

  @Test
  void shouldKeepANamespaceWithoutSchemeAsItsOwnCluster() {
    assertThat(NamespaceResolver.defaults().cluster("warehouse")).isEqualTo("warehouse");
  }

  @Test
  void shouldResolveGlobPatternsOverTheWholeNamespace() {
    NamespaceResolver resolver = NamespaceResolver.of(Map.of("kafka://broker-*.prod:9092", "prod"));

    assertThat(resolver.cluster("kafka://broker-1.prod:9092")).isEqualTo("prod");
    assertThat(resolver.cluster("kafka://BROKER-22.PROD:9092")).isEqualTo("prod");
    assertThat(resolver.cluster("kafka://broker-1.prod:9093")).isEqualTo("broker-1.prod:9093");
    assertThat(resolver.cluster("kafka://broker-1.staging:9092"))
        .isEqualTo("broker-1.staging:9092");
  }

  @Test
  void shouldMatchPatternsWithoutSchemeAgainstHostAndPortOrHost() {
    NamespaceResolver resolver =
        NamespaceResolver.of(Map.of("*.eu.internal", "eu", "10.0.0.?:9092", "lab"));

    assertThat(resolver.cluster("kafka://b1.eu.internal:9092")).isEqualTo("eu");
    assertThat(resolver.cluster("pulsar://p.eu.internal:6650")).isEqualTo("eu");
    assertThat(resolver.cluster("kafka://10.0.0.7:9092")).isEqualTo("lab");
    assertThat(resolver.cluster("kafka://10.0.0.17:9092")).isEqualTo("10.0.0.17:9092");
  }

  @Test
  void shouldPreferTheMostSpecificPatternWhateverTheMapOrder() {
    Map<String, String> broadFirst = new LinkedHashMap<>();
    broadFirst.put("kafka://*", "any-kafka");
    broadFirst.put("kafka://*.prod:9092", "prod");
    broadFirst.put("kafka://payments-*.prod:9092", "payments");
    Map<String, String> narrowFirst = new LinkedHashMap<>();
    narrowFirst.put("kafka://payments-*.prod:9092", "payments");
    narrowFirst.put("kafka://*.prod:9092", "prod");
    narrowFirst.put("kafka://*", "any-kafka");

    for (Map<String, String> patterns : java.util.List.of(broadFirst, narrowFirst)) {
      NamespaceResolver resolver = NamespaceResolver.of(patterns);
      assertThat(resolver.cluster("kafka://payments-1.prod:9092")).isEqualTo("payments");
      assertThat(resolver.cluster("kafka://orders-1.prod:9092")).isEqualTo("prod");
      assertThat(resolver.cluster("kafka://dev:9092")).isEqualTo("any-kafka");
    }
  }

  @Test
  void shouldTreatRegexCharactersInPatternsLiterally() {
    NamespaceResolver resolver = NamespaceResolver.of(Map.of("kafka://a.b:9092", "dots"));

    assertThat(resolver.cluster("kafka://a.b:9092")).isEqualTo("dots");
    assertThat(resolver.cluster("kafka://axb:9092")).isEqualTo("axb:9092");
  }

  @Test
  void shouldRejectBlankPatternsAndClusters() {
    assertThatThrownBy(() -> NamespaceResolver.of(Map.of(" ", "prod")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prod");
    assertThatThrownBy(() -> NamespaceResolver.of(Map.of("kafka://*", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kafka://*");
  }

  @Test
  void shouldTakeAProducersHintWhenNoPatternMatches() {
    NamespaceResolver resolver = NamespaceResolver.of(Map.of("kafka://broker-*.prod:9092", "prod"));

    assertThat(resolver.cluster("kafka://10.1.2.3:9092", "edge")).isEqualTo("edge");
    assertThat(resolver.cluster("kafka://broker-1.prod:9092", "edge")).isEqualTo("prod");
    assertThat(resolver.cluster("kafka://10.1.2.3:9092", " ")).isEqualTo("10.1.2.3:9092");
    assertThat(resolver.cluster("kafka://10.1.2.3:9092", null)).isEqualTo("10.1.2.3:9092");
  }
}

package io.tributary.openlineage;

import static io.tributary.openlineage.Fixtures.TENANT;
import static io.tributary.openlineage.Fixtures.entity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Types;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetMappingTest {
  private static final EventTranslator DEFAULTS =
      EventTranslator.create(NamespaceResolver.defaults());

  private static Mutation outputOf(EventTranslator translator, String namespace, String name) {
    JsonNode event =
        Fixtures.json(
            """
            {"eventTime":"2026-11-28T10:00:00Z","producer":"https://example.com/p",
             "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent",
             "job":{"namespace":"n","name":"j"},"outputs":[{"namespace":%s,"name":%s}]}
            """
                .formatted(quote(namespace), quote(name)));
    return translator.translate(event, TENANT).mutation();
  }

  private static String quote(String text) {
    return Fixtures.MAPPER.valueToTree(text).toString();
  }

  @Test
  void shouldMapAKafkaNamespaceToATopicAtItsDefaultCluster() {
    Mutation mutation = outputOf(DEFAULTS, "kafka://broker-1:9092", "orders");

    EntityWrite topic = entity(mutation, Types.KAFKA_TOPIC, "orders@broker-1:9092");
    assertThat(topic.name()).isEqualTo("orders");
    assertThat(topic.attributes())
        .containsEntry("namespace", "kafka://broker-1:9092")
        .containsEntry("clusterName", "broker-1:9092")
        .containsEntry("topic", "orders");
  }

  @Test
  void shouldNameKafkaTopicsByTheResolvedCluster() {
    EventTranslator translator =
        EventTranslator.create(NamespaceResolver.of(Map.of("kafka://broker-*.prod:9092", "prod")));

    Mutation first = outputOf(translator, "kafka://broker-1.prod:9092", "orders");
    Mutation second = outputOf(translator, "kafka://broker-2.prod:9092", "orders");

    assertThat(entity(first, Types.KAFKA_TOPIC, "orders@prod").key())
        .isEqualTo(entity(second, Types.KAFKA_TOPIC, "orders@prod").key());
    assertThat(entity(second, Types.KAFKA_TOPIC, "orders@prod").attributes())
        .containsEntry("namespace", "kafka://broker-2.prod:9092")
        .containsEntry("clusterName", "prod");
  }

  @Test
  void shouldMapPulsarTopics() {
    Mutation mutation =
        outputOf(DEFAULTS, "pulsar://pulsar.prod:6650", "persistent://public/default/payments");

    assertThat(
            entity(
                    mutation,
                    Types.PULSAR_TOPIC,
                    "persistent://public/default/payments@pulsar.prod:6650")
                .attributes())
        .containsEntry("namespace", "pulsar://pulsar.prod:6650")
        .containsEntry("clusterName", "pulsar.prod:6650");
    assertThat(
            Fixtures.find(
                outputOf(DEFAULTS, "pulsar+ssl://p:6651", "t"), Types.PULSAR_TOPIC, "t@p:6651"))
        .isPresent();
  }

  @Test
  void shouldMapKinesisStreamsByUrlAndByArn() {
    assertThat(
            Fixtures.find(
                outputOf(DEFAULTS, "kinesis://eu-west-1", "scores"),
                Types.KINESIS_STREAM,
                "scores@eu-west-1"))
        .isPresent();
    EntityWrite byArn =
        entity(
            outputOf(DEFAULTS, "arn:aws:kinesis:us-east-1:123456789012", "stream/alerts"),
            Types.KINESIS_STREAM,
            "alerts@us-east-1:123456789012");
    assertThat(byArn.name()).isEqualTo("stream/alerts");
    assertThat(byArn.attributes())
        .containsEntry("namespace", "arn:aws:kinesis:us-east-1:123456789012");
  }

  @Test
  void shouldMapMqttAndMqttsTopics() {
    assertThat(
            Fixtures.find(
                outputOf(DEFAULTS, "mqtt://edge-gw:1883", "plant/+/temperature"),
                Types.MQTT_TOPIC,
                "plant/+/temperature@edge-gw:1883"))
        .isPresent();
    assertThat(
            Fixtures.find(
                outputOf(DEFAULTS, "mqtts://edge-gw:8883", "plant/line1"),
                Types.MQTT_TOPIC,
                "plant/line1@edge-gw:8883"))
        .isPresent();
  }

  @Test
  void shouldMapEveryOtherSchemeToAGenericDatasetNamedNamespaceSlashName() {
    for (String namespace : new String[] {"postgres://db:5432", "s3://bucket", "warehouse"}) {
      Mutation mutation = outputOf(DEFAULTS, namespace, "sales.orders");

      EntityWrite dataset = entity(mutation, Types.GENERIC_DATASET, namespace + "/sales.orders");
      assertThat(dataset.name()).isEqualTo("sales.orders");
      assertThat(dataset.attributes())
          .containsEntry("namespace", namespace)
          .doesNotContainKey("clusterName");
    }
  }

  @Test
  void shouldKeepUnicodeAndVeryLongNamesIntact() {
    Mutation unicode = Fixtures.translate("run-unicode-names.json").mutation();
    assertThat(entity(unicode, Types.KAFKA_TOPIC, "注文 🧾@брокер.prod:9092").name())
        .isEqualTo("注文 🧾");
    assertThat(entity(unicode, Types.GENERIC_PROCESS, "données-流/заказы→σύνοψη 🚀").name())
        .isEqualTo("заказы→σύνοψη 🚀");
    assertThat(Fixtures.find(unicode, Types.COLUMN, "file://ﺍﻟﻤﻠﻔﺎﺕ/בדיקה/ü∂é.名前")).isPresent();

    Mutation longNames = Fixtures.translate("run-long-names.json").mutation();
    assertThat(Fixtures.ofType(longNames, Types.KAFKA_TOPIC))
        .singleElement()
        .satisfies(t -> assertThat(t.name()).hasSize(4001));
  }

  @Test
  void shouldWriteOneEntityForADatasetBothReadAndWritten() {
    Mutation mutation = Fixtures.translate("run-same-dataset-in-and-out.json").mutation();

    assertThat(Fixtures.ofType(mutation, Types.KAFKA_TOPIC)).hasSize(1);
    var topic = Fixtures.key(Types.KAFKA_TOPIC, "state@b:9092");
    var process = Fixtures.key(Types.GENERIC_PROCESS, "n/compactor");
    assertThat(Fixtures.related(mutation, Types.REL_INPUTS, topic, process)).isTrue();
    assertThat(Fixtures.related(mutation, Types.REL_OUTPUTS, process, topic)).isTrue();
  }

  @Test
  void shouldUseTheClusterFacetOfTributaryEmittersForEveryDatasetOfThatNamespace() {
    JsonNode event =
        Fixtures.json(
            """
            {"eventTime":"2026-11-28T10:00:00Z","producer":"https://example.com/p",
             "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent",
             "job":{"namespace":"n","name":"j"},
             "inputs":[{"namespace":"kafka://10.1.2.3:9092","name":"raw"}],
             "outputs":[{"namespace":"kafka://10.1.2.3:9092","name":"clean","facets":{
               "tributary_cluster":{"_producer":"https://example.com/p",
                 "_schemaURL":"https://tributary.io/spec/facets/1-0-0/TributaryClusterDatasetFacet.json",
                 "cluster":"edge"},
               "columnLineage":{"_producer":"https://example.com/p",
                 "_schemaURL":"https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json",
                 "fields":{"id":{"inputFields":[
                   {"namespace":"kafka://10.1.2.3:9092","name":"raw","field":"id"}]}}}}}]}
            """);

    Mutation mutation = DEFAULTS.translate(event, TENANT).mutation();

    assertThat(Fixtures.ofType(mutation, Types.KAFKA_TOPIC))
        .extracting(t -> t.key().qualifiedName())
        .containsExactly("raw@edge", "clean@edge");
    assertThat(Fixtures.find(mutation, Types.COLUMN, "raw@edge.id")).isPresent();
  }
}

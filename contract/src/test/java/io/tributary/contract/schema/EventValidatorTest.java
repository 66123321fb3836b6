package io.tributary.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.TributaryFacets;
import org.junit.jupiter.api.Test;

class EventValidatorTest {
  private static final EventValidator VALIDATOR = EventValidator.load();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRODUCER = "https://example.test/p";

  private static ObjectNode runEvent() {
    try {
      return (ObjectNode)
          JSON.readTree(
              """
              {"eventType":"START","eventTime":"2026-01-01T00:00:00Z",
               "producer":"https://example.test/p",
               "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
               "run":{"runId":"01890000-0000-7000-8000-000000000003","facets":{}},
               "job":{"namespace":"ns","name":"job","facets":{}},
               "inputs":[{"namespace":"kafka://b1:9092","name":"orders","facets":{}}],
               "outputs":[]}
              """);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode facet(ObjectNode event, String pointer, String key, String schema) {
    ObjectNode facet = ((ObjectNode) event.at(pointer)).putObject(key);
    facet.put("_producer", PRODUCER);
    facet.put("_schemaURL", TributaryFacets.schemaUrl(schema));
    return facet;
  }

  @Test
  void shouldAcceptAValidRunEventAsARunWithNothingToReport() {
    EventValidator.Result result = VALIDATOR.validate(runEvent());

    assertThat(result.valid()).isTrue();
    assertThat(result.kind()).isEqualTo(EventKind.RUN);
    assertThat(result.violations()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.unknownFacets()).isEmpty();
  }

  @Test
  void shouldReportAMissingEnvelopeFieldAtItsPointer() {
    ObjectNode event = runEvent();
    event.remove("producer");

    EventValidator.Result result = VALIDATOR.validate(event);

    assertThat(result.valid()).isFalse();
    assertThat(result.violations()).extracting(Violation::pointer).contains("/producer");
  }

  @Test
  void shouldValidateTributaryFacetsAgainstTheirOwnSchemas() {
    ObjectNode event = runEvent();
    facet(event, "/run/facets", TributaryFacets.TENANT, "TributaryTenantRunFacet")
        .put(TributaryFacets.TENANT_FIELD, "Not A Tenant");
    facet(event, "/inputs/0/facets", TributaryFacets.CLUSTER, "TributaryClusterDatasetFacet");

    EventValidator.Result result = VALIDATOR.validate(event);

    assertThat(result.violations())
        .extracting(Violation::pointer)
        .containsExactlyInAnyOrder(
            TributaryFacets.TENANT_POINTER,
            "/inputs/0/facets/" + TributaryFacets.CLUSTER + "/" + TributaryFacets.CLUSTER_FIELD);
  }

  @Test
  void shouldAcceptValidTributaryFacets() {
    ObjectNode event = runEvent();
    facet(event, "/run/facets", TributaryFacets.TENANT, "TributaryTenantRunFacet")
        .put(TributaryFacets.TENANT_FIELD, "acme");
    facet(event, "/inputs/0/facets", TributaryFacets.CLUSTER, "TributaryClusterDatasetFacet")
        .put(TributaryFacets.CLUSTER_FIELD, "prod");

    EventValidator.Result result = VALIDATOR.validate(event);

    assertThat(result.violations()).isEmpty();
    assertThat(result.unknownFacets()).isEmpty();
  }

  @Test
  void shouldListAFacetWithAnUnknownSchemaWithoutRejectingIt() {
    ObjectNode event = runEvent();
    ObjectNode custom = ((ObjectNode) event.at("/job/facets")).putObject("acme_owner");
    custom.put("_producer", PRODUCER);
    custom.put("_schemaURL", "https://acme.example/spec/OwnerJobFacet.json");

    EventValidator.Result result = VALIDATOR.validate(event);

    assertThat(result.valid()).isTrue();
    assertThat(result.unknownFacets()).containsExactly("/job/facets/acme_owner");
  }

  @Test
  void shouldRejectSomethingThatIsNoEventWithoutAKind() {
    JsonNode array = JSON.createArrayNode();

    EventValidator.Result result = VALIDATOR.validate(array);

    assertThat(result.kind()).isNull();
    assertThat(result.violations())
        .singleElement()
        .extracting(Violation::message)
        .asString()
        .contains("JSON object");
  }

  @Test
  void shouldRejectAnEventWithoutRunDatasetOrJob() {
    EventValidator.Result result = VALIDATOR.validate(JSON.createObjectNode());

    assertThat(result.valid()).isFalse();
    assertThat(result.violations().get(0).message()).contains("'run' and 'job'");
  }
}

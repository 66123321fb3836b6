package io.tributary.emitters.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenLineageSchemasTest {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();
  private static final String VALID =
      """
      {"eventType":"START","eventTime":"2026-01-01T00:00:00Z",
       "producer":"https://example.test/p",
       "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
       "run":{"runId":"01890000-0000-7000-8000-000000000003","facets":{}},
       "job":{"namespace":"ns","name":"job","facets":{"jobType":{
         "_producer":"https://example.test/p",
         "_schemaURL":"https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet",
         "processingType":"STREAMING","integration":"KAFKA"%s}}},
       "inputs":[],"outputs":[]}
      """;

  @Test
  void shouldAcceptAValidEvent() {
    assertThat(SCHEMAS.violations(VALID.formatted(""))).isEmpty();
  }

  @Test
  void shouldRejectAnEventWithoutProducer() {
    String json = VALID.formatted("").replace("\"producer\":\"https://example.test/p\",", "");

    assertThat(SCHEMAS.violations(json)).anyMatch(v -> v.contains("producer"));
  }

  @Test
  void shouldRejectAFacetThatBreaksItsOwnSchema() {
    String json = VALID.formatted(",\"emissionPattern\":{\"eventTrigger\":\"PERIODIC\"}");

    assertThat(SCHEMAS.violations(json)).anyMatch(v -> v.contains("eventContentMode"));
  }

  @Test
  void shouldRejectAFacetWhoseSchemaIsNotShipped() {
    String json =
        VALID.formatted("").replace("facets/2-0-4/JobTypeJobFacet", "facets/9-9-9/JobTypeJobFacet");

    assertThat(SCHEMAS.violations(json)).anyMatch(v -> v.startsWith("/job/facets/jobType"));
  }
}

package io.tributary.openlineage;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/** Events built with openlineage-java's client model and serialised as the client sends them. */
final class ClientEvents {
  static final UUID RUN_ID = UUID.fromString("0190d5c8-8a43-7c43-9f2e-3f1f1a7d0c01");
  static final ZonedDateTime TIME = ZonedDateTime.of(2026, 11, 28, 10, 0, 0, 0, ZoneOffset.UTC);

  private static final OpenLineage OL =
      new OpenLineage(URI.create("https://github.com/tributary/openlineage-emitters/v1"));

  private ClientEvents() {}

  static String runEvent(OpenLineage.RunEvent.EventType type) {
    OpenLineage.JobFacets jobFacets =
        OL.newJobFacetsBuilder()
            .jobType(OL.newJobTypeJobFacet("STREAMING", "FLINK", "JOB", null))
            .documentation(OL.newDocumentationJobFacet("Enriches orders", null))
            .ownership(
                OL.newOwnershipJobFacet(List.of(OL.newOwnershipJobFacetOwners("team:data", null))))
            .tags(OL.newTagsJobFacet(List.of(OL.newTagsJobFacetFields("env", "prod", "CONFIG"))))
            .sourceCode(OL.newSourceCodeJobFacet("java", "env.fromSource(...)"))
            .sql(OL.newSQLJobFacet("SELECT * FROM orders", "flink"))
            .build();
    OpenLineage.RunFacets runFacets =
        OL.newRunFacetsBuilder()
            .processing_engine(OL.newProcessingEngineRunFacet("2.3.0", "flink", "1.55.0"))
            .nominalTime(OL.newNominalTimeRunFacet(TIME, TIME.plusHours(1)))
            .errorMessage(
                type == OpenLineage.RunEvent.EventType.FAIL
                    ? OL.newErrorMessageRunFacet("Task failed", "JAVA", "at Job.run")
                    : null)
            .build();
    OpenLineage.InputDataset orders =
        OL.newInputDatasetBuilder()
            .namespace("kafka://broker-1.prod:9092")
            .name("orders")
            .facets(
                OL.newDatasetFacetsBuilder()
                    .schema(
                        OL.newSchemaDatasetFacet(
                            List.of(
                                OL.newSchemaDatasetFacetFields("id", "STRING", null, 1L, null),
                                OL.newSchemaDatasetFacetFields(
                                    "email", "STRING", "customer email", 2L, null))))
                    .tags(
                        OL.newTagsDatasetFacet(
                            List.of(OL.newTagsDatasetFacetFields("PII", "true", null, "email"))))
                    .symlinks(
                        OL.newSymlinksDatasetFacet(
                            List.of(
                                OL.newSymlinksDatasetFacetIdentifiers(
                                    "hive://metastore", "raw.orders", "TABLE"))))
                    .build())
            .inputFacets(
                OL.newInputDatasetInputFacetsBuilder()
                    .inputStatistics(OL.newInputStatisticsInputDatasetFacet(10L, 2048L, null))
                    .dataQualityAssertions(
                        OL.newDataQualityAssertionsDatasetFacet(
                            List.of(
                                OL.newDataQualityAssertionsDatasetFacetAssertions(
                                    "not_null",
                                    true,
                                    "id",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null))))
                    .build())
            .build();
    OpenLineage.OutputDataset enriched =
        OL.newOutputDatasetBuilder()
            .namespace("kafka://broker-2.prod:9092")
            .name("orders.enriched")
            .facets(
                OL.newDatasetFacetsBuilder()
                    .columnLineage(
                        OL.newColumnLineageDatasetFacet(
                            OL.newColumnLineageDatasetFacetFieldsBuilder()
                                .put(
                                    "email_hash",
                                    OL.newColumnLineageDatasetFacetFieldsAdditional(
                                        List.of(
                                            OL.newInputField(
                                                "kafka://broker-1.prod:9092",
                                                "orders",
                                                "email",
                                                List.of(
                                                    OL.newInputFieldTransformations(
                                                        "DIRECT",
                                                        "TRANSFORMATION",
                                                        "sha256",
                                                        true)))),
                                        null,
                                        null))
                                .build(),
                            null))
                    .build())
            .outputFacets(
                OL.newOutputDatasetOutputFacetsBuilder()
                    .outputStatistics(OL.newOutputStatisticsOutputDatasetFacet(9L, 4096L, null))
                    .build())
            .build();
    OpenLineage.RunEvent event =
        OL.newRunEventBuilder()
            .eventType(type)
            .eventTime(TIME)
            .run(OL.newRunBuilder().runId(RUN_ID).facets(runFacets).build())
            .job(
                OL.newJobBuilder()
                    .namespace("flink-prod")
                    .name("orders-enricher")
                    .facets(jobFacets)
                    .build())
            .inputs(List.of(orders))
            .outputs(List.of(enriched))
            .build();
    return OpenLineageClientUtils.toJson(event);
  }

  static String datasetEvent() {
    OpenLineage.DatasetEvent event =
        OL.newDatasetEvent(
            TIME,
            OL.newStaticDataset(
                "pulsar://pulsar.prod:6650",
                "persistent://public/default/payments",
                OL.newDatasetFacetsBuilder()
                    .documentation(OL.newDocumentationDatasetFacet("Payments", null))
                    .ownership(
                        OL.newOwnershipDatasetFacet(
                            List.of(OL.newOwnershipDatasetFacetOwners("team:payments", "OWNER"))))
                    .build()));
    return OpenLineageClientUtils.toJson(event);
  }

  static String jobEvent() {
    OpenLineage.JobEvent event =
        OL.newJobEvent(
            TIME,
            OL.newJobBuilder()
                .namespace("streams")
                .name("fraud-scorer")
                .facets(
                    OL.newJobFacetsBuilder()
                        .jobType(OL.newJobTypeJobFacet("STREAMING", "KAFKA_STREAMS", "JOB", null))
                        .build())
                .build(),
            List.of(
                OL.newInputDatasetBuilder().namespace("kafka://b:9092").name("payments").build()),
            List.of(
                OL.newOutputDatasetBuilder().namespace("kafka://b:9092").name("scores").build()));
    return OpenLineageClientUtils.toJson(event);
  }
}

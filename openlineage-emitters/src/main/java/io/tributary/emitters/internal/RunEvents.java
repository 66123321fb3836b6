package io.tributary.emitters.internal;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.tributary.emitters.ClusterResolver;
import io.tributary.emitters.DatasetSnapshot;
import io.tributary.emitters.EmitterConfig;
import io.tributary.emitters.JobIdentity;
import io.tributary.emitters.Snapshot;
import io.tributary.emitters.Statistics;
import io.tributary.emitters.facets.ClusterDatasetFacet;
import io.tributary.emitters.facets.TenantRunFacet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Turns a {@link Snapshot} into an OpenLineage RunEvent of a streaming job: the {@code jobType}
 * facet (STREAMING, periodic complete snapshots), the tenant facet, cluster facets and the window's
 * input/output statistics.
 */
public final class RunEvents {
  /** The {@code producer} of every event these emitters send. */
  public static final URI PRODUCER =
      URI.create("https://tributary.io/openlineage-emitters/" + Versions.EMITTERS);

  private final OpenLineage ol = new OpenLineage(PRODUCER);
  private final JobIdentity job;
  private final EmitterConfig config;
  private final Clock clock;

  public RunEvents(JobIdentity job, EmitterConfig config, Clock clock) {
    this.job = job;
    this.config = config;
    this.clock = clock;
  }

  public RunEvent build(EventType type, UUID runId, Snapshot snapshot, Throwable error) {
    OpenLineage.RunFacetsBuilder runFacets = ol.newRunFacetsBuilder();
    snapshot.runFacets().forEach(runFacets::put);
    config
        .tenant()
        .ifPresent(t -> runFacets.put(TenantRunFacet.NAME, new TenantRunFacet(PRODUCER, t)));
    if (error != null) {
      runFacets.errorMessage(
          ol.newErrorMessageRunFacetBuilder()
              .message(message(error))
              .programmingLanguage("JAVA")
              .stackTrace(stackTrace(error))
              .build());
    }
    OpenLineage.JobFacetsBuilder jobFacets = ol.newJobFacetsBuilder();
    snapshot.jobFacets().forEach(jobFacets::put);
    jobFacets.jobType(
        ol.newJobTypeJobFacetBuilder()
            .processingType("STREAMING")
            .integration(job.integration())
            .jobType(job.jobType())
            .emissionPattern(
                new OpenLineage.JobTypeJobFacetEmissionPatternBuilder()
                    .eventTrigger("PERIODIC")
                    .eventContentMode("COMPLETE_SNAPSHOT")
                    .windowDuration(Math.max(1L, config.snapshotInterval().toSeconds()))
                    .build())
            .build());
    return ol.newRunEventBuilder()
        .eventType(type)
        .eventTime(ZonedDateTime.now(clock))
        .run(ol.newRun(runId, runFacets.build()))
        .job(
            ol.newJobBuilder()
                .namespace(job.namespace())
                .name(job.name())
                .facets(jobFacets.build())
                .build())
        .inputs(snapshot.inputs().stream().map(this::input).toList())
        .outputs(snapshot.outputs().stream().map(this::output).toList())
        .build();
  }

  private OpenLineage.InputDataset input(DatasetSnapshot d) {
    OpenLineage.InputDatasetInputFacetsBuilder facets = ol.newInputDatasetInputFacetsBuilder();
    Statistics s = d.statistics();
    if (s.known()) {
      facets.inputStatistics(
          ol.newInputStatisticsInputDatasetFacetBuilder()
              .rowCount(s.records())
              .size(s.bytes() < 0 ? null : s.bytes())
              .build());
    }
    return ol.newInputDatasetBuilder()
        .namespace(d.namespace())
        .name(d.name())
        .facets(datasetFacets(d))
        .inputFacets(facets.build())
        .build();
  }

  private OpenLineage.OutputDataset output(DatasetSnapshot d) {
    OpenLineage.OutputDatasetOutputFacetsBuilder facets = ol.newOutputDatasetOutputFacetsBuilder();
    Statistics s = d.statistics();
    if (s.known()) {
      facets.outputStatistics(
          ol.newOutputStatisticsOutputDatasetFacetBuilder()
              .rowCount(s.records())
              .size(s.bytes() < 0 ? null : s.bytes())
              .build());
    }
    return ol.newOutputDatasetBuilder()
        .namespace(d.namespace())
        .name(d.name())
        .facets(datasetFacets(d))
        .outputFacets(facets.build())
        .build();
  }

  private OpenLineage.DatasetFacets datasetFacets(DatasetSnapshot d) {
    OpenLineage.DatasetFacetsBuilder facets = ol.newDatasetFacetsBuilder();
    d.facets().forEach(facets::put);
    ClusterResolver resolver = config.clusterResolver();
    resolver
        .clusterOf(d.namespace())
        .ifPresent(c -> facets.put(ClusterDatasetFacet.NAME, new ClusterDatasetFacet(PRODUCER, c)));
    return facets.build();
  }

  /** The OpenLineage model factory with this module's producer, for integrations' own facets. */
  public OpenLineage openLineage() {
    return ol;
  }

  /** The error's message, with the root cause's when it differs: engines wrap the real error. */
  static String message(Throwable error) {
    String message = error.getMessage() == null ? error.toString() : error.getMessage();
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == error ? message : message + " (caused by " + root + ")";
  }

  private static String stackTrace(Throwable error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}

package io.tributary.openlineage.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.openlineage.server.OpenLineage;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.openlineage.NamespaceResolver;
import java.time.Instant;
import java.util.List;

/**
 * Maps parsed OpenLineage events onto catalog mutations. The server model gives the envelope
 * (names, runId, eventType); facet content is read from the event's JSON at the same position, as
 * the model keeps facets only as untyped maps. Every write is as of the event's {@code eventTime}.
 * Thread-safe and stateless.
 */
public final class EventMapper {
  private final DatasetMapper datasets;
  private final ColumnLineageMapper columnLineage;
  private final JobMapper jobs;
  private final RunMapper runs;

  public EventMapper(NamespaceResolver resolver, TypeRegistry registry) {
    CommonFacets common = new CommonFacets(new Classifier(registry));
    this.datasets = new DatasetMapper(new DatasetNaming(resolver), common);
    this.columnLineage = new ColumnLineageMapper(datasets);
    this.jobs = new JobMapper(common);
    this.runs = new RunMapper(common);
  }

  public Mutation run(
      OpenLineage.RunEvent event, JsonNode json, TenantId tenant, Instant eventTime) {
    MutationDraft draft = new MutationDraft(tenant, eventTime);
    OpenLineage.Job job = event.getJob();
    EntityKey process =
        jobs.job(draft, job.getNamespace(), job.getName(), json.path("job").path("facets"));
    String eventType = event.getEventType() == null ? null : event.getEventType().name();
    EntityKey run =
        runs.run(
            draft,
            event.getRun().getRunId(),
            eventType,
            eventTime.toEpochMilli(),
            process,
            json.path("run").path("facets"));
    runs.window(draft, run, json);
    lineage(draft, process, event.getInputs(), event.getOutputs(), json);
    return draft.build(
        "OpenLineage RunEvent "
            + (eventType == null ? "" : eventType + " ")
            + process.qualifiedName()
            + " run "
            + event.getRun().getRunId()
            + " at "
            + eventTime);
  }

  public Mutation job(
      OpenLineage.JobEvent event, JsonNode json, TenantId tenant, Instant eventTime) {
    MutationDraft draft = new MutationDraft(tenant, eventTime);
    OpenLineage.Job job = event.getJob();
    EntityKey process =
        jobs.job(draft, job.getNamespace(), job.getName(), json.path("job").path("facets"));
    lineage(draft, process, event.getInputs(), event.getOutputs(), json);
    return draft.build("OpenLineage JobEvent " + process.qualifiedName() + " at " + eventTime);
  }

  public Mutation dataset(
      OpenLineage.DatasetEvent event, JsonNode json, TenantId tenant, Instant eventTime) {
    MutationDraft draft = new MutationDraft(tenant, eventTime);
    OpenLineage.StaticDataset dataset = event.getDataset();
    JsonNode facets = json.path("dataset").path("facets");
    DatasetMapper.hintCluster(draft, dataset.getNamespace(), facets);
    DatasetName name = datasets.name(draft, dataset.getNamespace(), dataset.getName());
    EntityKey key = datasets.dataset(draft, name, facets, MissingNode.getInstance());
    columnLineage.map(draft, null, name, key, facets, DatasetMapper.schemaColumns(facets));
    return draft.build("OpenLineage DatasetEvent " + name.qualifiedName() + " at " + eventTime);
  }

  private void lineage(
      MutationDraft draft,
      EntityKey process,
      List<OpenLineage.InputDataset> inputs,
      List<OpenLineage.OutputDataset> outputs,
      JsonNode json) {
    hintClusters(draft, inputs, json.path("inputs"));
    hintClusters(draft, outputs, json.path("outputs"));
    if (inputs != null) {
      JsonNode inputJson = json.path("inputs");
      for (int i = 0; i < inputs.size(); i++) {
        OpenLineage.InputDataset input = inputs.get(i);
        JsonNode node = inputJson.path(i);
        DatasetName name = datasets.name(draft, input.getNamespace(), input.getName());
        EntityKey key =
            datasets.dataset(draft, name, node.path("facets"), node.path("inputFacets"));
        draft.relate(Types.REL_INPUTS, key, process);
      }
    }
    if (outputs != null) {
      JsonNode outputJson = json.path("outputs");
      for (int i = 0; i < outputs.size(); i++) {
        OpenLineage.OutputDataset output = outputs.get(i);
        JsonNode node = outputJson.path(i);
        JsonNode facets = node.path("facets");
        DatasetName name = datasets.name(draft, output.getNamespace(), output.getName());
        EntityKey key = datasets.dataset(draft, name, facets, node.path("outputFacets"));
        draft.relate(Types.REL_OUTPUTS, process, key);
        columnLineage.map(
            draft, process.qualifiedName(), name, key, facets, DatasetMapper.schemaColumns(facets));
      }
    }
  }

  private static void hintClusters(
      MutationDraft draft, List<? extends OpenLineage.Dataset> datasets, JsonNode json) {
    if (datasets != null) {
      for (int i = 0; i < datasets.size(); i++) {
        DatasetMapper.hintCluster(
            draft, datasets.get(i).getNamespace(), json.path(i).path("facets"));
      }
    }
  }
}

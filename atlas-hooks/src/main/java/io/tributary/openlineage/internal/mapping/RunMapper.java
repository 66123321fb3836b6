package io.tributary.openlineage.internal.mapping;

import static io.tributary.openlineage.internal.mapping.Facets.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Types;
import java.util.UUID;

/**
 * One {@code stream_process_run} per runId. Each attribute comes only from an event that carries
 * it: {@code startTime} from START, {@code endTime} from COMPLETE, FAIL or ABORT, {@code state}
 * from every event with a state-changing {@code eventType}; the catalog keeps the newest value per
 * attribute, so late events never roll a run back.
 */
final class RunMapper {
  private static final String[] ERROR = {
    Attributes.ERROR_MESSAGE, Attributes.ERROR_STACK_TRACE, Attributes.ERROR_LANGUAGE
  };
  private static final String[] NOMINAL_TIME = {
    Attributes.NOMINAL_START_TIME, Attributes.NOMINAL_END_TIME
  };
  private static final String[] PARENT = {Attributes.PARENT_RUN_ID, Attributes.PARENT_JOB};
  private static final String[] ENGINE = {Attributes.PROCESSING_ENGINE};
  private static final String[] LAG = {Attributes.CONSUMER_LAG, Attributes.CONSUMER_LAG_TIME};
  private static final String STREAMING_METRICS = "tributary_streaming_metrics";

  private final CommonFacets common;

  RunMapper(CommonFacets common) {
    this.common = common;
  }

  EntityKey run(
      MutationDraft draft,
      UUID runId,
      String eventType,
      long eventTimeMillis,
      EntityKey process,
      JsonNode facets) {
    EntityKey key = draft.key(Types.RUN, runId.toString());
    MutationDraft.EntityDraft entity = draft.entity(key);
    entity.put(Attributes.JOB_QUALIFIED_NAME, process.qualifiedName());
    entity.put(Attributes.LAST_SEEN, eventTimeMillis);
    if (eventType != null) {
      switch (eventType) {
        case "START" -> {
          entity.put(Attributes.STATE, eventType);
          entity.put(Attributes.START_TIME, eventTimeMillis);
        }
        case "RUNNING" -> entity.put(Attributes.STATE, eventType);
        case "COMPLETE", "FAIL", "ABORT" -> {
          entity.put(Attributes.STATE, eventType);
          entity.put(Attributes.END_TIME, eventTimeMillis);
        }
        default -> {
          // OTHER adds metadata to a run without changing its state.
        }
      }
    }
    if (facets.isObject() && !facets.isEmpty()) {
      entity.put(Attributes.RUN_FACETS, Facets.json(facets));
    }
    common.tags(entity, facets);
    apply(
        entity,
        "errorMessage",
        facet -> {
          Facets.putText(entity, Attributes.ERROR_MESSAGE, facet, "message");
          Facets.putText(entity, Attributes.ERROR_STACK_TRACE, facet, "stackTrace");
          Facets.putText(entity, Attributes.ERROR_LANGUAGE, facet, "programmingLanguage");
        },
        ERROR,
        facets);
    apply(
        entity,
        "nominalTime",
        facet -> {
          Facets.putTime(entity, Attributes.NOMINAL_START_TIME, facet, "nominalStartTime");
          Facets.putTime(entity, Attributes.NOMINAL_END_TIME, facet, "nominalEndTime");
        },
        NOMINAL_TIME,
        facets);
    apply(
        entity,
        "parent",
        facet -> {
          Facets.putText(entity, Attributes.PARENT_RUN_ID, facet.path("run"), "runId");
          String namespace = Facets.text(facet.path("job"), "namespace");
          String name = Facets.text(facet.path("job"), "name");
          if (namespace != null && name != null) {
            entity.put(Attributes.PARENT_JOB, JobMapper.qualifiedName(namespace, name));
          }
        },
        PARENT,
        facets);
    apply(
        entity,
        "processing_engine",
        facet -> {
          String name = Facets.text(facet, "name");
          String version = Facets.text(facet, "version");
          if (name != null || version != null) {
            entity.put(
                Attributes.PROCESSING_ENGINE,
                name == null ? version : version == null ? name : name + " " + version);
          }
        },
        ENGINE,
        facets);
    apply(
        entity,
        STREAMING_METRICS,
        facet -> {
          Long lag = lag(facet);
          if (lag != null) {
            entity.put(Attributes.CONSUMER_LAG, lag);
            entity.put(Attributes.CONSUMER_LAG_TIME, eventTimeMillis);
          }
        },
        LAG,
        facets);
    draft.relate(Types.REL_RUNS, process, key);
    return key;
  }

  /**
   * The records a streaming run read and wrote in the window its event reports (the sum of its
   * inputs' {@code inputStatistics} and outputs' {@code outputStatistics} row counts), and the
   * window's length from the job type facet's emission pattern: what a job's throughput is computed
   * from. Nothing is written when the event carries no statistics.
   */
  void window(MutationDraft draft, EntityKey run, JsonNode event) {
    Long in = rows(event.path("inputs"), "inputFacets", "inputStatistics");
    Long out = rows(event.path("outputs"), "outputFacets", "outputStatistics");
    if (in == null && out == null) {
      return;
    }
    MutationDraft.EntityDraft entity = draft.entity(run);
    if (in != null) {
      entity.put(Attributes.WINDOW_INPUT_RECORDS, in);
    }
    if (out != null) {
      entity.put(Attributes.WINDOW_OUTPUT_RECORDS, out);
    }
    JsonNode seconds =
        event
            .path("job")
            .path("facets")
            .path("jobType")
            .path("emissionPattern")
            .path("windowDuration");
    if (seconds.canConvertToLong() && seconds.asLong() > 0) {
      entity.put(Attributes.WINDOW_SECONDS, seconds.asLong());
    }
  }

  /**
   * Records the run's consumers are behind: the facet's {@code totalLag}, else the sum of its
   * {@code lagByPartition} or {@code lagByTopic}; null when it reports none. Kept with the time of
   * the event that reported it, so that a lag no longer reported shows as old rather than current.
   */
  private static Long lag(JsonNode facet) {
    JsonNode total = facet.path("totalLag");
    if (total.canConvertToLong() && total.asLong() >= 0) {
      return total.asLong();
    }
    for (String field : new String[] {"lagByPartition", "lagByTopic"}) {
      Long sum = null;
      for (JsonNode lag : facet.path(field)) {
        if (lag.canConvertToLong() && lag.asLong() >= 0) {
          sum = (sum == null ? 0 : sum) + lag.asLong();
        }
      }
      if (sum != null) {
        return sum;
      }
    }
    return null;
  }

  private static Long rows(JsonNode datasets, String facetsField, String facet) {
    Long sum = null;
    for (JsonNode dataset : datasets) {
      JsonNode count = dataset.path(facetsField).path(facet).path("rowCount");
      if (count.canConvertToLong() && count.asLong() >= 0) {
        sum = (sum == null ? 0 : sum) + count.asLong();
      }
    }
    return sum;
  }
}

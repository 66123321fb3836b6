package io.tributary.openlineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlineage.client.OpenLineageClientUtils;
import io.openlineage.server.OpenLineage;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.contract.schema.EventKind;
import io.tributary.contract.schema.EventValidator;
import io.tributary.contract.schema.EventWarning;
import io.tributary.contract.schema.Violation;
import io.tributary.openlineage.internal.mapping.EventMapper;
import io.tributary.openlineage.internal.mapping.EventTimes;
import io.tributary.openlineage.internal.mapping.Rfc3339;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Validates an OpenLineage event against the wire contract's schemas, parses it with
 * openlineage-java's server model and maps it onto the Atlas model as one {@link Mutation}. The
 * same event always yields an equal mutation. Thread-safe: create one and share it.
 */
public final class EventTranslator {
  private final EventValidator validator;
  private final ObjectMapper mapper;
  private final EventMapper eventMapper;

  private EventTranslator(EventValidator validator, ObjectMapper mapper, EventMapper eventMapper) {
    this.validator = validator;
    this.mapper = mapper;
    this.eventMapper = eventMapper;
  }

  /** Loads the schemas once; tags name the classifications of the built-in typedefs. */
  public static EventTranslator create(NamespaceResolver resolver) {
    return create(resolver, TypeRegistry.builtIn());
  }

  /**
   * Loads the schemas once.
   *
   * @param registry the types whose classifications tags may name (PII, SENSITIVE, ...)
   */
  public static EventTranslator create(NamespaceResolver resolver, TypeRegistry registry) {
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(registry, "registry");
    return new EventTranslator(
        EventValidator.load(),
        OpenLineageClientUtils.newObjectMapper().registerModule(EventTimes.module()),
        new EventMapper(resolver, registry));
  }

  /**
   * Validates and maps one event. A facet value that breaks only its schema's {@code format} is
   * reported in {@link TranslatedEvent#warnings}; the formats of the event's own {@code eventTime},
   * {@code runId}, {@code producer} and {@code schemaURL}, which the catalog reads, are checked.
   *
   * @throws InvalidEventException when the event breaks the core schema or a known facet schema
   */
  public TranslatedEvent translate(JsonNode event, TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    EventValidator.Result validated = validator.validate(event);
    if (!validated.valid()) {
      throw new InvalidEventException(validated.violations());
    }
    EventKind kind = validated.kind();
    List<EventWarning> warnings = validated.warnings();
    return switch (kind) {
      case RUN -> {
        OpenLineage.RunEvent run = parse(event, OpenLineage.RunEvent.class);
        Instant time = run.getEventTime().toInstant();
        UUID runId = run.getRun().getRunId();
        String type = run.getEventType() == null ? null : run.getEventType().name();
        yield new TranslatedEvent(
            kind, type, runId, time, eventMapper.run(run, event, tenant, time), warnings);
      }
      case JOB -> {
        OpenLineage.JobEvent job = parse(event, OpenLineage.JobEvent.class);
        Instant time = job.getEventTime().toInstant();
        yield new TranslatedEvent(
            kind,
            eventType(event),
            null,
            time,
            eventMapper.job(job, event, tenant, time),
            warnings);
      }
      case DATASET -> {
        OpenLineage.DatasetEvent dataset = parse(event, OpenLineage.DatasetEvent.class);
        Instant time = dataset.getEventTime().toInstant();
        yield new TranslatedEvent(
            kind,
            eventType(event),
            null,
            time,
            eventMapper.dataset(dataset, event, tenant, time),
            warnings);
      }
    };
  }

  /** Static events have no {@code eventType} in the schema; report one if a producer sent it. */
  private static String eventType(JsonNode event) {
    JsonNode type = event.get("eventType");
    return type != null && type.isTextual() ? type.textValue() : null;
  }

  private <T> T parse(JsonNode event, Class<T> type) {
    try {
      return mapper.treeToValue(readableTime(event), type);
    } catch (JsonMappingException e) {
      throw new InvalidEventException(List.of(new Violation(pointer(e), e.getOriginalMessage())));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidEventException(List.of(new Violation("", String.valueOf(e.getMessage()))));
    }
  }

  /**
   * The event with an {@code eventTime} that java.time can read. The schema accepts RFC 3339 forms
   * that Jackson does not (a space before the time, a leap second); the copy is shallow and made
   * only for those.
   */
  private static JsonNode readableTime(JsonNode event) {
    JsonNode time = event.get("eventTime");
    if (time == null || !time.isTextual()) {
      return event;
    }
    String readable = Rfc3339.normalise(time.textValue());
    if (readable.equals(time.textValue())) {
      return event;
    }
    ObjectNode copy = ((ObjectNode) event).objectNode();
    copy.setAll((ObjectNode) event);
    copy.put("eventTime", readable);
    return copy;
  }

  private static String pointer(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      out.append('/');
      if (reference.getFieldName() != null) {
        out.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (reference.getIndex() >= 0) {
        out.append(reference.getIndex());
      }
    }
    return out.toString();
  }
}

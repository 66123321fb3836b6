package io.tributary.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.contract.TenantId;
import io.tributary.contract.TributaryFacets;
import io.tributary.contract.schema.EventWarning;
import io.tributary.contract.schema.Violation;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.InvalidEventException;
import io.tributary.openlineage.TranslatedEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one way writes enter the catalog, whatever carries them (HTTP, a Kafka topic, the Atlas API):
 * find the tenant, admit the write into it (permission, quota), parse once, check the {@link
 * EventLimits}, validate and translate, and commit through the {@link GroupCommitter}. A future
 * completes only once the catalog transaction holding the write has committed.
 *
 * <p><b>The tenant of an event</b> is, in this order:
 *
 * <ol>
 *   <li>the tenant the request names ({@link NamedTenant}: an HTTP header or parameter, a Kafka
 *       record header or key); the places a request names one must agree;
 *   <li>else the tenant of the event's {@value TributaryFacets#TENANT} run facet;
 *   <li>else the {@link Admission#homeTenant} (the caller's home tenant, the topic's tenant).
 * </ol>
 *
 * An event whose facet names another tenant than the request is refused ({@link
 * InvalidEventException}). Whichever name wins, it is only a choice: the {@link Admission} must let
 * the writer write that tenant.
 *
 * <p><b>Redeliveries</b>: an event stamped by an edge node ({@value TributaryFacets#EDGE_EVENT}
 * facet) is applied once per run; one the catalog applied already is acknowledged as committed
 * without being written or charged again ({@link AppliedEvents}).
 */
public final class IngestPipeline {
  private final EventTranslator translator;
  private final GroupCommitter committer;
  private final IngestJournal journal;
  private final EventLimits limits;
  private final MeterRegistry registry;
  private final MutationEnricher enricher;
  private final Map<String, Counter> warnings = new ConcurrentHashMap<>();
  private final Map<EventLimit, Counter> overLimit = new EnumMap<>(EventLimit.class);
  private final AppliedEvents applied;
  private final Catalog catalog;
  private final Counter sequencedApplied;
  private final Counter redeliveries;

  private IngestPipeline(Builder builder) {
    this.translator = Objects.requireNonNull(builder.translator, "translator");
    this.committer = Objects.requireNonNull(builder.committer, "committer");
    this.journal =
        builder.journal == null ? IngestJournal.local(builder.committer) : builder.journal;
    this.limits = Objects.requireNonNull(builder.limits, "limits");
    this.registry = Objects.requireNonNull(builder.registry, "registry");
    this.applied = new AppliedEvents(builder.catalog);
    this.catalog = builder.catalog;
    this.sequencedApplied =
        Counter.builder("tributary.ingest.sequenced.events")
            .description("Events stamped by an edge node, by whether they were applied or ignored")
            .tag("outcome", "applied")
            .register(registry);
    this.redeliveries =
        Counter.builder("tributary.ingest.sequenced.events")
            .description("Events stamped by an edge node, by whether they were applied or ignored")
            .tag("outcome", "redelivery")
            .register(registry);
    this.enricher = Objects.requireNonNull(builder.enricher, "enricher");
    for (EventLimit limit : EventLimit.values()) {
      overLimit.put(
          limit,
          Counter.builder("tributary.ingest.events.over.limit")
              .description("Events refused for passing a structural limit")
              .tag("limit", limit.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a pipeline; translator, committer and meter registry are required. */
  public static final class Builder {
    private EventTranslator translator;
    private GroupCommitter committer;
    private EventLimits limits = EventLimits.DEFAULTS;
    private MeterRegistry registry;
    private Catalog catalog;
    private MutationEnricher enricher = MutationEnricher.NONE;
    private IngestJournal journal;

    private Builder() {}

    /**
     * Where events are made durable before the writer is answered; defaults to {@link
     * IngestJournal#local} over the committer. Writes of the Atlas API ({@link #write}) always
     * commit through the committer.
     */
    public Builder journal(IngestJournal value) {
      this.journal = value;
      return this;
    }

    /**
     * Where applied edge events are read back after a restart (optional: without it, redeliveries
     * are recognised only among the events this pipeline applied).
     */
    public Builder catalog(Catalog value) {
      this.catalog = value;
      return this;
    }

    /** Defaults to {@link MutationEnricher#NONE}. */
    public Builder enricher(MutationEnricher value) {
      this.enricher = value;
      return this;
    }

    public Builder translator(EventTranslator value) {
      this.translator = value;
      return this;
    }

    public Builder committer(GroupCommitter value) {
      this.committer = value;
      return this;
    }

    /** Defaults to {@link EventLimits#DEFAULTS}. */
    public Builder limits(EventLimits value) {
      this.limits = value;
      return this;
    }

    public Builder meterRegistry(MeterRegistry value) {
      this.registry = value;
      return this;
    }

    public IngestPipeline build() {
      return new IngestPipeline(this);
    }
  }

  /**
   * An event admitted, checked and translated: ready to commit.
   *
   * @param stamp the edge node's stamp of a sequenced event, or null
   * @param source the event as received, for a journal that keeps events rather than mutations;
   *     null when not kept
   */
  public record Prepared(
      TenantId tenant, TranslatedEvent event, EventStamp stamp, JsonNode source) {
    public Prepared {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(event, "event");
    }

    public Prepared(TenantId tenant, TranslatedEvent event, EventStamp stamp) {
      this(tenant, event, stamp, null);
    }

    public Prepared(TenantId tenant, TranslatedEvent event) {
      this(tenant, event, null, null);
    }
  }

  private static final MutationResult NOTHING_WRITTEN =
      new MutationResult(Map.of(), List.of(), List.of());

  /**
   * An accepted event: committed, or (with a {@code position}) journaled for a cluster server to
   * apply.
   *
   * @param position where the event was journaled, or null when committed to the catalog
   */
  public record Ingested(
      TenantId tenant,
      TranslatedEvent event,
      MutationResult result,
      IngestJournal.Position position) {
    public Ingested {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(result, "result");
    }

    public Ingested(TenantId tenant, TranslatedEvent event, MutationResult result) {
      this(tenant, event, result, null);
    }
  }

  /**
   * One event of a batch: committed ({@code ingested}) or failed ({@code error}, the failure as
   * thrown, never wrapped).
   */
  public record BatchItem(int index, Ingested ingested, Throwable error) {
    public boolean committed() {
      return error == null;
    }
  }

  public EventLimits limits() {
    return limits;
  }

  /** The same pipeline making events durable in {@code other} instead. */
  public IngestPipeline withJournal(IngestJournal other) {
    return builder()
        .translator(translator)
        .committer(committer)
        .limits(limits)
        .meterRegistry(registry)
        .catalog(catalog)
        .enricher(enricher)
        .journal(Objects.requireNonNull(other, "other"))
        .build();
  }

  /** One event, committed. See {@link #prepare} and {@link #commit}. */
  public CompletableFuture<Ingested> ingest(
      Admission admission, NamedTenant named, Supplier<JsonNode> body) {
    return commit(prepare(admission, named, body));
  }

  /**
   * Admits, reads, checks and translates one event. A tenant the request names is admitted (one
   * event of its quota taken) before the body is read, so that refusing costs as little as
   * possible; otherwise after the body is read and checked against the limits.
   *
   * @param named the tenant the request names, or null
   * @param body reads the event; called once, and its failures pass through unchanged
   * @throws EventLimitException when the event passes a limit
   * @throws InvalidEventException when it is invalid or its tenant facet contradicts {@code named}
   */
  public Prepared prepare(Admission admission, NamedTenant named, Supplier<JsonNode> body) {
    Objects.requireNonNull(admission, "admission");
    Objects.requireNonNull(body, "body");
    if (named != null) {
      admit(admission, named.tenant());
    }
    JsonNode event = body.get();
    checkLimits(event);
    TenantId tenant = tenantOf(named, event, admission);
    if (named == null) {
      admit(admission, tenant);
    }
    return translate(event, tenant);
  }

  /**
   * Queues a prepared event for commit.
   *
   * @throws IngestQueueFullException when the queue has no room: nothing was queued, and the event
   *     may be committed again later without being prepared again
   * @throws IngestClosedException when the committer is stopping
   */
  public CompletableFuture<Ingested> commit(Prepared prepared) {
    if (redelivered(prepared)) {
      return CompletableFuture.completedFuture(
          new Ingested(prepared.tenant(), prepared.event(), NOTHING_WRITTEN));
    }
    return journal
        .append(prepared)
        .thenApply(
            accepted -> {
              if (accepted.committed()) {
                recordApplied(prepared);
              }
              return new Ingested(
                  prepared.tenant(), prepared.event(), accepted.result(), accepted.position());
            });
  }

  /** Whether a sequenced event was applied already; counts it as a redelivery if so. */
  private boolean redelivered(Prepared prepared) {
    if (prepared.stamp() == null
        || !applied.applied(prepared.tenant(), prepared.event().runId(), prepared.stamp())) {
      return false;
    }
    redeliveries.increment();
    return true;
  }

  private void recordApplied(Prepared prepared) {
    if (prepared.stamp() != null) {
      applied.record(prepared.tenant(), prepared.event().runId(), prepared.stamp());
      sequencedApplied.increment();
    }
  }

  /**
   * A JSON array of events, each committed or refused on its own. A tenant the request names must
   * be writable before the body is read. Quotas are all or nothing: each tenant of the batch is
   * charged for all its valid events at once, and when one is over its quota nothing is queued.
   *
   * @throws InvalidEventException when the body is not a JSON array
   * @throws BatchTooLargeException when the valid events outnumber the queue's capacity
   * @return every event's outcome, in the batch's order, once every queued one has committed or
   *     failed
   */
  public CompletableFuture<List<BatchItem>> ingestBatch(
      Admission admission, NamedTenant named, Supplier<JsonNode> body) {
    Objects.requireNonNull(admission, "admission");
    if (named != null) {
      admission.checkWrite(named.tenant());
    }
    JsonNode batch = body.get();
    if (!batch.isArray()) {
      throw new InvalidEventException(
          List.of(
              new Violation(
                  "",
                  "a batch is a JSON array of OpenLineage events; got a JSON "
                      + batch.getNodeType().name().toLowerCase(Locale.ROOT))));
    }
    BatchItem[] items = new BatchItem[batch.size()];
    List<Integer> indexes = new ArrayList<>();
    List<Prepared> prepared = new ArrayList<>();
    Map<TenantId, Integer> perTenant = new LinkedHashMap<>();
    Map<TenantId, Optional<RuntimeException>> writable = new HashMap<>();
    for (int i = 0; i < items.length; i++) {
      try {
        JsonNode event = batch.get(i);
        checkLimits(event);
        TenantId tenant = tenantOf(named, event, admission);
        checkWrite(admission, tenant, writable);
        Prepared p = translate(event, tenant);
        if (redelivered(p)) {
          items[i] = new BatchItem(i, new Ingested(tenant, p.event(), NOTHING_WRITTEN), null);
          continue;
        }
        prepared.add(p);
        indexes.add(i);
        perTenant.merge(tenant, 1, Integer::sum);
      } catch (RuntimeException e) {
        items[i] = new BatchItem(i, null, e);
      }
    }
    perTenant.forEach(admission::acquire);
    int capacity = journal.capacity();
    if (prepared.size() > capacity) {
      throw new BatchTooLargeException(prepared.size(), capacity);
    }
    List<CompletableFuture<IngestJournal.Accepted>> futures = journal.appendAll(prepared);
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .handle(
            (ignored, error) -> {
              for (int k = 0; k < futures.size(); k++) {
                int index = indexes.get(k);
                Prepared p = prepared.get(k);
                items[index] =
                    futures
                        .get(k)
                        .handle(
                            (accepted, failure) -> {
                              if (failure != null) {
                                return new BatchItem(index, null, unwrap(failure));
                              }
                              if (accepted.committed()) {
                                recordApplied(p);
                              }
                              return new BatchItem(
                                  index,
                                  new Ingested(
                                      p.tenant(),
                                      p.event(),
                                      accepted.result(),
                                      accepted.position()),
                                  null);
                            })
                        .join();
              }
              return List.copyOf(Arrays.asList(items));
            });
  }

  /**
   * A write already in the catalog's model (the Atlas API's): admitted into {@code tenant} as one
   * event of its quota, then committed with the other writes.
   */
  public CompletableFuture<MutationResult> write(
      Admission admission, TenantId tenant, Mutation mutation) {
    Objects.requireNonNull(mutation, "mutation");
    admit(Objects.requireNonNull(admission, "admission"), Objects.requireNonNull(tenant, "tenant"));
    return committer.submit(enricher.enrich(tenant, mutation));
  }

  private static void admit(Admission admission, TenantId tenant) {
    admission.checkWrite(tenant);
    admission.acquire(tenant, 1);
  }

  /** Asks once per tenant of a batch. */
  private static void checkWrite(
      Admission admission, TenantId tenant, Map<TenantId, Optional<RuntimeException>> known) {
    Optional<RuntimeException> refusal =
        known.computeIfAbsent(
            tenant,
            t -> {
              try {
                admission.checkWrite(t);
                return Optional.empty();
              } catch (RuntimeException e) {
                return Optional.of(e);
              }
            });
    if (refusal.isPresent()) {
      throw refusal.get();
    }
  }

  private void checkLimits(JsonNode event) {
    try {
      limits.check(event);
    } catch (EventLimitException e) {
      overLimit.get(e.limit()).increment();
      throw e;
    }
  }

  /** The precedence rule of the class comment. */
  private static TenantId tenantOf(NamedTenant named, JsonNode event, Admission admission) {
    Optional<TenantId> facet = TenantFacet.read(event);
    if (named == null) {
      return facet.orElseGet(admission::homeTenant);
    }
    if (facet.isPresent() && !facet.get().equals(named.tenant())) {
      throw new InvalidEventException(
          List.of(
              new Violation(
                  TenantFacet.POINTER,
                  "names tenant '"
                      + facet.get()
                      + "' but the "
                      + named.source()
                      + " names '"
                      + named.tenant()
                      + "'; name one tenant")));
    }
    return named.tenant();
  }

  private Prepared translate(JsonNode event, TenantId tenant) {
    TranslatedEvent translated = enrich(tenant, translator.translate(event, tenant));
    for (EventWarning warning : translated.warnings()) {
      warnings
          .computeIfAbsent(
              warning.kind(),
              kind ->
                  Counter.builder("tributary.ingest.warnings")
                      .description("Accepted events' parts that break their schema's format")
                      .tag("kind", kind)
                      .register(registry))
          .increment();
    }
    EventStamp stamp = translated.runId() == null ? null : EventStamp.read(event).orElse(null);
    // Only a journal that keeps events holds on to the parsed body until it is durable.
    return new Prepared(tenant, translated, stamp, journal.keepsSource() ? event : null);
  }

  private TranslatedEvent enrich(TenantId tenant, TranslatedEvent translated) {
    Mutation enriched = enricher.enrich(tenant, translated.mutation());
    if (enriched == translated.mutation()) {
      return translated;
    }
    return new TranslatedEvent(
        translated.kind(),
        translated.eventType(),
        translated.runId(),
        translated.eventTime(),
        enriched,
        translated.warnings());
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while (current instanceof java.util.concurrent.CompletionException
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}

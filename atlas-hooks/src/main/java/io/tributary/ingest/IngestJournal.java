package io.tributary.ingest;

import io.tributary.catalog.MutationResult;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The durable acceptance point of ingest: where an admitted, checked event is kept before the
 * writer is answered. Two forms: {@link #local} commits it to the catalog (the answer means
 * "committed"), and the cluster's Kafka journal appends it to the ingest topic (the answer means
 * "durable and will be applied in order by whichever server owns its partition").
 */
public interface IngestJournal {

  /**
   * Where an event was journaled, or null in {@link Accepted#position()} when it was committed to
   * the catalog directly.
   */
  record Position(String topic, int partition, long offset) {
    public Position {
      Objects.requireNonNull(topic, "topic");
    }
  }

  /**
   * @param result what the catalog wrote; empty when only journaled
   * @param position where it was journaled, or null when committed
   */
  record Accepted(MutationResult result, Position position) {
    public Accepted {
      Objects.requireNonNull(result, "result");
    }

    public boolean committed() {
      return position == null;
    }
  }

  /**
   * Makes events durable; each future completes when its event is.
   *
   * @throws IngestQueueFullException when there is no room for one event: nothing was taken
   * @throws IngestClosedException when stopping
   */
  CompletableFuture<Accepted> append(IngestPipeline.Prepared event);

  /** Makes events durable, all taken or none (see {@link #append}); futures in the given order. */
  List<CompletableFuture<Accepted>> appendAll(List<IngestPipeline.Prepared> events);

  /** Whether events must be prepared with their {@link IngestPipeline.Prepared#source()}. */
  default boolean keepsSource() {
    return false;
  }

  /** The most events one {@link #appendAll} takes. */
  int capacity();

  /** Today's form: committed through the group committer, answered once the catalog commits. */
  static IngestJournal local(GroupCommitter committer) {
    Objects.requireNonNull(committer, "committer");
    return new IngestJournal() {
      @Override
      public CompletableFuture<Accepted> append(IngestPipeline.Prepared event) {
        return committer.submit(event.event().mutation()).thenApply(r -> new Accepted(r, null));
      }

      @Override
      public List<CompletableFuture<Accepted>> appendAll(List<IngestPipeline.Prepared> events) {
        return committer.submitAll(events.stream().map(p -> p.event().mutation()).toList()).stream()
            .map(f -> f.thenApply(r -> new Accepted(r, null)))
            .toList();
      }

      @Override
      public int capacity() {
        return committer.settings().queueCapacity();
      }
    };
  }
}

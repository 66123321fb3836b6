package io.tributary.ingest;

import io.tributary.catalog.Mutation;
import io.tributary.contract.TenantId;

/**
 * Adds to what an event maps to before it is committed: governance's classifications, for instance.
 * Runs on the thread that prepares the event, once per event, after translation; it may read the
 * catalog but must not write it.
 */
@FunctionalInterface
public interface MutationEnricher {
  MutationEnricher NONE = (tenant, mutation) -> mutation;

  /** The mutation to commit instead of {@code mutation}; the same one when nothing is added. */
  Mutation enrich(TenantId tenant, Mutation mutation);
}

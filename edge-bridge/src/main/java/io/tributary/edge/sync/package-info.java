/** Sync from the journal to the catalog: in order, with backoff, idempotent across retries. */
package io.tributary.edge.sync;

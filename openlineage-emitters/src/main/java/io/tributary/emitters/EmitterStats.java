package io.tributary.emitters;

/**
 * Counters of one emitter since it started.
 *
 * @param queued events accepted into the queue
 * @param sent events the transport accepted
 * @param dropped events never sent: RUNNING snapshots evicted from a full queue or superseded by a
 *     newer one while their send was being retried, and events still queued when closing timed out
 * @param failed events given up after the last retry
 * @param retries send attempts after a failed one
 * @param queueSize events waiting now
 */
public record EmitterStats(
    long queued, long sent, long dropped, long failed, long retries, int queueSize) {}

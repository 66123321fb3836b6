/**
 * Streaming OpenLineage emitters: a non-blocking emitter core ({@link
 * io.tributary.emitters.LineageEmitter}), the streaming run lifecycle ({@link
 * io.tributary.emitters.StreamingRun}) and their configuration. Integrations live in the {@code
 * kafka}, {@code streams} and {@code flink} sub-packages.
 */
package io.tributary.emitters;

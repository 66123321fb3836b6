/**
 * An OpenLineage transport that captures emitted events in memory: {@link
 * io.tributary.testkit.transport.CapturingTransport}, type {@code capturing}.
 */
package io.tributary.testkit.transport;

/**
 * Apache Pulsar emitters: client interceptors created from the client's configuration, and wrappers
 * for Pulsar Functions and IO sources and sinks that take their topics from the runtime. Datasets
 * are named {@code pulsar://<host>:<port>} + {@code persistent://tenant/namespace/topic} ({@link
 * io.tributary.emitters.pulsar.PulsarNaming}). Pulsar's API is a provided dependency: the host
 * application brings it.
 */
package io.tributary.emitters.pulsar;

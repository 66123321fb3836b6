/**
 * The embedded catalog: {@link io.tributary.catalog.Catalog} on JanusGraph, with BerkeleyJE on a
 * local data directory by default, the in-memory backend for tests, and Cassandra/ScyllaDB for
 * scale-out, registered as catalog backends by {@link io.tributary.catalog.janus.JanusBackend}.
 * This is the only package that imports {@code org.janusgraph}.
 */
package io.tributary.catalog.janus;

package io.tributary.catalog;

/** An entity downstream of an impact query's start, with its distance in process hops. */
public record ImpactEntry(Entity entity, int distance) {}

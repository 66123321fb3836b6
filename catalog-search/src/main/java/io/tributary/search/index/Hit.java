package io.tributary.search.index;

/** One entity found in the index, with its score in the ranking that found it. */
public record Hit(IndexedEntity entity, double score) {}

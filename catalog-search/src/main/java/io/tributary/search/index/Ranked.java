package io.tributary.search.index;

import io.tributary.catalog.Entity;

/** A visible entity in a ranking, with its fused score (higher is better). */
public record Ranked(Entity entity, double score) {}

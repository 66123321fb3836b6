/**
 * Natural-language search over the catalog: a local Lucene index kept current from the change feed
 * ({@code index}), sentence embeddings from a model shipped in a jar ({@code embed}), questions in
 * English ({@code ask}), generated documentation ({@code summary}) and notable facts ({@code
 * insights}). {@link io.tributary.search.CatalogSearch} wires them together.
 */
package io.tributary.search;

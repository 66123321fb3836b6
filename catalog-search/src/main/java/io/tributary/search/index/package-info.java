/**
 * The Lucene index of the catalog: one document per dataset, process and column, fed only by the
 * catalog's change feed and catalog reads, searched by BM25, by HNSW vectors, or by both fused.
 */
package io.tributary.search.index;

/** Figures of the search index: query latency, index lag, embedding cost, size, ingest cost. */
package io.tributary.benchmarks.search;

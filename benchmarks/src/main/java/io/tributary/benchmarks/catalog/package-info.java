/**
 * Catalog figures: ingest against raw JanusGraph, lineage queries against raw Gremlin, footprint.
 */
package io.tributary.benchmarks.catalog;

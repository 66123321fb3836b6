/** Governance figures: what classification rules and propagation cost at ingest. */
package io.tributary.benchmarks.governance;

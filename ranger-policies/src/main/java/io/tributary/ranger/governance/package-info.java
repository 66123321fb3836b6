/**
 * Governance on top of the catalog: classification rules applied at ingest and re-applied when they
 * change, classifications propagated along column lineage (stopping at masking transformations),
 * each classification recording where it came from. What it writes are ordinary catalog
 * classifications, so Ranger's tag policies protect what it classifies without a policy change.
 */
package io.tributary.ranger.governance;

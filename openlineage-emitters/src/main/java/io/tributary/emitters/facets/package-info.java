/**
 * Tributary's custom OpenLineage facets, for what the standard facets lack. Their names and JSON
 * Schemas are the contract module's ({@link io.tributary.contract.TributaryFacets}), which the
 * catalog validates them against.
 */
package io.tributary.emitters.facets;

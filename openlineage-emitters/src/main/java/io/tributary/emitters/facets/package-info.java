/**
 * Tributary's custom OpenLineage facets, for what the standard facets lack. Each has a JSON Schema
 * shipped in this jar under {@code io/tributary/emitters/spec/facets/}.
 */
package io.tributary.emitters.facets;

/**
 * The mapping of OpenLineage events onto the Atlas model: datasets by namespace scheme, jobs as
 * processes, runs, columns and column lineage, and facets as declared attributes.
 */
package io.tributary.openlineage.internal.mapping;

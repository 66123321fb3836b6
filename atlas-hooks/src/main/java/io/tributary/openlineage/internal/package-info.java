/** Internals of OpenLineage ingestion; other modules use {@link io.tributary.openlineage} only. */
package io.tributary.openlineage.internal;

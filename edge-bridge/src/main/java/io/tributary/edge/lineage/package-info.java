/**
 * The lineage the bridge reports: naming, device input checks, windowed traffic, event building.
 */
package io.tributary.edge.lineage;

/**
 * Exports of a lineage graph: {@code GET /api/v1/lineage/{guid}/export?format=} in Atlas's
 * AtlasLineageInfo JSON, an OpenLineage-named graph JSON, GraphML, DOT, CSV, SVG and PNG. The web
 * UI writes the same shapes for the graph on screen.
 */
package io.tributary.server.export;

/**
 * Graph layout on the server: Eclipse ELK's layered (Sugiyama) algorithm behind {@code POST
 * /api/v1/layout/layered}, used by the web UI's lineage graph and by the image exports.
 */
package io.tributary.server.layout;

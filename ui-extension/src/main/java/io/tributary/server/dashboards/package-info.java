/**
 * Dashboards of the web UI under {@code /api/v1/dashboards}: per user (personal) or shared with the
 * tenant, stored in the catalog as internal {@code tributary_dashboard} entities of their tenant,
 * so that they live, are erased and are authorized with the tenant's data. Exported and imported as
 * JSON documents. A tenant without a dashboard of its own is offered a built-in default.
 */
package io.tributary.server.dashboards;

/**
 * {@code /api/v1/governance}: classification rules, classifications with their sources, and their
 * re-evaluation. Tenant-scoped and decided by Ranger as the rest of the API.
 */
package io.tributary.server.governance;

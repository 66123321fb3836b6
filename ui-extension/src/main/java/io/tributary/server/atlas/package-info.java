/**
 * Atlas's REST API v2 on the embedded catalog ({@code /api/atlas/v2}): typedefs, bulk entity
 * writes, entities by guid and by unique attribute, lineage and basic search, with Atlas's JSON
 * shapes and error codes, so that Atlas's own Java client and tools work against Tributary.
 *
 * <p>Entities written here and entities made from OpenLineage events are the same entities: one
 * catalog, one key per (tenant, type, qualifiedName). The API acts within one tenant, named by the
 * {@code X-Tributary-Tenant} header ({@code default} without it).
 */
package io.tributary.server.atlas;

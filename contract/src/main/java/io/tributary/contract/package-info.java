/**
 * What emitters, the catalog and the policy module agree on over the wire: the tenant identifier
 * ({@link io.tributary.contract.TenantId}), the headers that name a tenant ({@link
 * io.tributary.contract.IngestHeaders}) and Tributary's facets ({@link
 * io.tributary.contract.TributaryFacets}). No dependency beyond the JDK; the schema validator is in
 * {@link io.tributary.contract.schema}.
 */
package io.tributary.contract;

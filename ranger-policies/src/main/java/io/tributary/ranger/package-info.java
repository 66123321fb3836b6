/**
 * Access control for the catalog through Apache Ranger: {@link
 * io.tributary.ranger.TributaryAuthorizer} evaluates every request with a {@code RangerBasePlugin}
 * and builds the per-request {@link io.tributary.catalog.Visibility} the catalog filters reads
 * with.
 */
package io.tributary.ranger;

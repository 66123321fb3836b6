/**
 * Tenants: the registry and each tenant's configuration (retention, quotas, namespace resolution,
 * classification rules), the Ranger policies generated for tenants and cross-tenant shares, and
 * where those policies are stored (local files or Ranger Admin).
 */
package io.tributary.ranger.tenancy;

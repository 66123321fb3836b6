/**
 * The tenant API: tenants (list, create, read, update, delete with their catalog data) and the
 * shares between them, over the tenant registry of {@code ranger-policies}.
 */
package io.tributary.server.tenants;

/**
 * Tenancy end to end: a real catalog server with a users file, API keys and local Ranger policy
 * files, tried endpoint by endpoint across tenants.
 */
package io.tributary.tenancy;

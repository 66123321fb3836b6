/** Wires authentication, authorization, tenants and quotas for the catalog server. */
package io.tributary.ranger.bootstrap;

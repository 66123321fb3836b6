/**
 * Who is calling and what they may do: the canonical-path check in front of the router, the
 * authentication filter and the one list of public routes, the per-request {@link
 * io.tributary.server.security.Caller}, and the policy services built from the configuration.
 */
package io.tributary.server.security;

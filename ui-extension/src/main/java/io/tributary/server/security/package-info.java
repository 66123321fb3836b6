/**
 * Who is calling and what they may do: the authentication filter, the per-request {@link
 * io.tributary.server.security.Caller}, and the policy services built from the configuration.
 */
package io.tributary.server.security;

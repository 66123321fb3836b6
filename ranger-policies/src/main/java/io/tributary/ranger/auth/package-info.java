/**
 * Authentication: API keys and a users file with hashed secrets for the embedded server, bearer
 * JWTs from an identity provider for production.
 */
package io.tributary.ranger.auth;

/**
 * {@code tributary users}: users and API keys, either in a users file directly ({@code
 * --users-file}, to set up a server before it starts) or through a running server's admin API
 * ({@code --url}).
 */
package io.tributary.cli.users;

/**
 * The admin API of the users file: users ({@code /api/v1/admin/users}) and API keys ({@code
 * /api/v1/admin/api-keys}), for platform administrators. Changes are written to the file and in
 * force from the next request on; hashes never leave the server, and a new key's secret is shown
 * once, in the answer that creates it.
 */
package io.tributary.server.users;

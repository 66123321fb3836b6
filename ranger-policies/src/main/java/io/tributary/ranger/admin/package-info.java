/** Ranger Admin's REST API: where tenant and share policies go when Ranger Admin is in use. */
package io.tributary.ranger.admin;

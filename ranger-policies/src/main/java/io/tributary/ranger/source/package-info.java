/**
 * Ranger policy source for the embedded catalog: policy files and a tags file in the data
 * directory, reloaded at each poll, with malformed files rejected.
 */
package io.tributary.ranger.source;

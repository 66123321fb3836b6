/**
 * Ranger Admin's side of the {@code tributary} service: connection test and resource look-ups
 * against a Tributary server.
 */
package io.tributary.ranger.service;

/**
 * Configuration as data: every key is declared once in {@link io.tributary.config.Settings} with
 * its type, default, validator and documentation; {@link io.tributary.config.ConfigLoader} merges
 * defaults, a config file, the environment and command-line flags, and {@link
 * io.tributary.config.ConfigDocs} renders the reference page from the same declarations.
 */
package io.tributary.config;

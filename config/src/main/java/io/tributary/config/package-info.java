/**
 * Configuration as data: each module declares its keys once, next to the code that reads them, as
 * {@link io.tributary.config.Setting}s with type, default, validator and documentation, gathered in
 * a {@link io.tributary.config.ConfigDef}; {@link io.tributary.config.ConfigLoader} merges
 * defaults, a config file, the environment and command-line flags against a program's declarations,
 * and {@link io.tributary.config.ConfigDocs} renders reference pages from the same declarations.
 * This package depends on the JDK only.
 */
package io.tributary.config;

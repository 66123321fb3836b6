/**
 * Plug-ins found through {@link java.util.ServiceLoader}, one pattern for every kind: a small
 * interface with a name, implementations listed in {@code META-INF/services}, and a {@link
 * io.tributary.plugin.PluginRegistry} that selects one by the name configuration gives and names
 * the known ones when it is unknown.
 */
package io.tributary.plugin;

/**
 * The edge bridge: a daemon for a gateway that takes lineage from MQTT devices, keeps it in an
 * offline journal and syncs it to the catalog. {@link io.tributary.edge.EdgeBridge} wires it.
 */
package io.tributary.edge;

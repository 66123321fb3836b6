/** Forwarding rules: MQTT topics to Kafka topics. */
package io.tributary.edge.forward;

/** The demo's edge: MQTT broker, simulated sensors, the edge bridge and a sensor alerts app. */
package io.tributary.demo.edge;

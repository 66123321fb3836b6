/** The bridge's MQTT side: Paho clients for MQTT 3.1.1 and 5 behind one small interface. */
package io.tributary.edge.mqtt;

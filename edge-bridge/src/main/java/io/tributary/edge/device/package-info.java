/**
 * The device client library: builds a device's OpenLineage events as text and publishes them over
 * MQTT. It depends on nothing but Paho and ships as its own jar ({@code edge-bridge-*-device.jar}).
 */
package io.tributary.edge.device;

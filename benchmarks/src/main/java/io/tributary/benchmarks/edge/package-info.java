/**
 * Edge bridge figures: MQTT throughput against a plain subscriber, catch-up rate, heap, jar sizes.
 */
package io.tributary.benchmarks.edge;

/**
 * The live demo of {@code tributary-demo.jar}: the catalog server, an in-process Kafka broker and a
 * small streaming pipeline (a producer, a Kafka Streams application, a Flink job and a consumer)
 * whose emitters send their lineage to the catalog.
 */
package io.tributary.demo;

/**
 * Kafka client interceptors that emit a streaming job per application: enable them with {@code
 * interceptor.classes} alone. Datasets follow OpenLineage's Kafka naming: namespace {@code
 * kafka://<first bootstrap host:port>}, name = topic.
 */
package io.tributary.emitters.kafka;

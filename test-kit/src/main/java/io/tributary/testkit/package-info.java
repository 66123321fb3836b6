/**
 * Tributary's test kit: what a test needs to exercise lineage end to end without outside services.
 *
 * <ul>
 *   <li>{@link io.tributary.testkit.kafka.KafkaBroker}: a real in-process KRaft broker.
 * </ul>
 *
 * <p>See {@code docs/testing.md} for how to use each piece.
 */
package io.tributary.testkit;

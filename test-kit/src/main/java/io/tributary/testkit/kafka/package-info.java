/** A real in-process Kafka broker (one combined KRaft node) for tests. */
package io.tributary.testkit.kafka;

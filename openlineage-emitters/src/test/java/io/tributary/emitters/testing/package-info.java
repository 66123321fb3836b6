/** Test kit: schema validation, capturing transports, a lineage HTTP endpoint, a Kafka broker. */
package io.tributary.emitters.testing;

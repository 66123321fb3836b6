/**
 * Deterministic OpenLineage events for tests: {@link io.tributary.testkit.events.LineageEvents}
 * builds a job's START, RUNNING, COMPLETE, ABORT and FAIL events, valid against the official
 * schemas.
 */
package io.tributary.testkit.events;

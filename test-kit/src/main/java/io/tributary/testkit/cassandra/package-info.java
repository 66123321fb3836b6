/**
 * A real single-node Cassandra 5.0 for tests: in the test's JVM (one per JVM, shared) or as a child
 * process that outlives the JVMs a test kills.
 */
package io.tributary.testkit.cassandra;

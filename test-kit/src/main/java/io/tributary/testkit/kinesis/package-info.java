/** A real Kinesis API server (kinesis-local, a child process) for tests. */
package io.tributary.testkit.kinesis;

/**
 * Real AWS API servers for tests: Kinesis (kinesis-local) and DynamoDB (dynalite), child processes.
 */
package io.tributary.testkit.kinesis;

/** A program of this class path in a JVM of its own, for tests that stop or kill it for real. */
package io.tributary.testkit.process;

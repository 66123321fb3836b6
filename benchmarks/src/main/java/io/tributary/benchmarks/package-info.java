/**
 * Benchmark harnesses. Each figure is measured against a baseline run side by side in the same JVM
 * and written into docs/benchmarks.md with the machine and the command.
 */
package io.tributary.benchmarks;

/** Benchmarks of Ranger authorization decisions. */
package io.tributary.benchmarks.ranger;

/** Benchmarks of the OpenLineage emitters' record path. */
package io.tributary.benchmarks.emitters;

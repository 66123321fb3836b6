/** End-to-end tests: real streaming engines emitting lineage to a running catalog server. */
package io.tributary.e2e;

/**
 * Generated documentation of a dataset or job from its lineage, schema, runs, statistics, quality,
 * owners and classifications. It never replaces a description a person wrote.
 */
package io.tributary.search.summary;

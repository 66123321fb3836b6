/**
 * Notable facts about the catalog, in sentences with links: failed jobs, silent streams, schema
 * changes, PII reaching unclassified datasets, topics without consumer or producer, quality
 * failures. Reporting intervals are learnt from the change feed.
 */
package io.tributary.search.insights;

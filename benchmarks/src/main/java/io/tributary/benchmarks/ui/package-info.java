/**
 * Browser figures of the web UI: time from navigation to an interactive lineage graph in headless
 * Chromium, and frame times while panning a large graph.
 */
package io.tributary.benchmarks.ui;

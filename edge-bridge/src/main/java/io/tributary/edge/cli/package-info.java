/** The bridge's command line. */
package io.tributary.edge.cli;

/** The {@code tributary} command line: serve, demo and the client commands. */
package io.tributary.cli;

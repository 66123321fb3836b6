/**
 * The {@code tributary} command line: serve and the client commands. The demo has its own module
 * and jar ({@code tributary-demo.jar}).
 */
package io.tributary.cli;

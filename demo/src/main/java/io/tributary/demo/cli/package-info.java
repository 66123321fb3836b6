/** The demo's command line, the main class of {@code tributary-demo.jar}. */
package io.tributary.demo.cli;

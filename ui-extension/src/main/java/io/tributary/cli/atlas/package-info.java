/** {@code tributary atlas ...}: commands for working with a real Apache Atlas. */
package io.tributary.cli.atlas;

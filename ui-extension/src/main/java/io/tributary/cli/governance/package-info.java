/** {@code tributary governance}: the governance API of a running catalog server. */
package io.tributary.cli.governance;

/** The bridge's metrics and health, served on its own port. */
package io.tributary.edge.status;

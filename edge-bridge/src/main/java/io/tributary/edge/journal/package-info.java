/** The offline journal: events kept on the gateway until the catalog has them. */
package io.tributary.edge.journal;

/** How many servers are live: the members of the ingest journal's consumer group. */
package io.tributary.cluster.membership;

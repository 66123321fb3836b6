/** The edge node's hybrid logical clock: how journaled events are ordered when clocks drift. */
package io.tributary.edge.clock;

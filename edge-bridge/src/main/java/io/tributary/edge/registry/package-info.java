/** The bridge's device registry: state, model, firmware and location as devices report them. */
package io.tributary.edge.registry;

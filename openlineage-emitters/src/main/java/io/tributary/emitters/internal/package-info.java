/** Emitter internals: the bounded event queue, transport loading and event building. */
package io.tributary.emitters.internal;

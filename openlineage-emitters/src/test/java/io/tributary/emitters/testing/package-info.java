/**
 * The emitters' own test helpers: schema validation, a lineage HTTP endpoint, event files. The
 * broker and the capturing transport come from Tributary's test-kit.
 */
package io.tributary.emitters.testing;

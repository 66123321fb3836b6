/**
 * Atlas ingest figures: Atlas's REST API on the embedded catalog driven by Atlas's own {@code
 * AtlasClientV2}, and the remote-Atlas backend delivering to a WireMock Atlas and to {@code
 * ATLAS_HOOK}, each against the same transport sending prepared bytes without Tributary's mapping.
 */
package io.tributary.benchmarks.atlas;

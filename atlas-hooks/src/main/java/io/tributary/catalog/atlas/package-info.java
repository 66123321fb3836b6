/**
 * A real Apache Atlas as the catalog backend ({@code catalog.backend = atlas}): {@link
 * io.tributary.catalog.atlas.AtlasCatalog} writes through one of two sinks — Atlas's REST API
 * ({@link io.tributary.catalog.atlas.AtlasRestSink}) or {@code HookNotification} messages on the
 * {@code ATLAS_HOOK} topic ({@link io.tributary.catalog.atlas.AtlasNotificationSink}) — and reads
 * through Atlas's REST API. The REST calls use {@code java.net.http} and the JSON of {@link
 * io.tributary.atlas}, so Atlas's own client and its dependencies stay off the classpath.
 */
package io.tributary.catalog.atlas;

package io.tributary.atlas;

import java.util.List;

/**
 * Atlas's notification envelope ({@code AtlasNotificationMessage} and, for compressed or split
 * messages, {@code AtlasNotificationStringMessage}).
 *
 * @param message the {@link HookNotification} itself, or for a compressed or split message a
 *     string: base64 of the gzipped (when compressed) envelope JSON, or one part of it
 * @param msgSplitIdx 0-based index of a part when {@code msgSplitCount > 1}, else 1 as Atlas sets
 *     it
 */
public record AtlasNotificationEnvelope(
    Version version,
    String msgId,
    String msgCompressionKind,
    int msgSplitIdx,
    int msgSplitCount,
    String msgSourceIP,
    String msgCreatedBy,
    Long msgCreationTime,
    Boolean spooled,
    Object message) {

  public static final String COMPRESSION_NONE = "NONE";
  public static final String COMPRESSION_GZIP = "GZIP";

  /** Atlas's {@code MessageVersion} 1.0.0, with the derived {@code versionParts} it writes. */
  public record Version(String version, List<Integer> versionParts) {
    public static final Version CURRENT = new Version("1.0.0", List.of(1));
  }
}

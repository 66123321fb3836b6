package io.tributary.atlas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes hook notifications into the strings Atlas's hooks put on {@code ATLAS_HOOK}, with Atlas's
 * size rules ({@code AbstractNotification.createNotificationMessages}): a message whose UTF-8 form
 * exceeds the limit (Atlas's {@code atlas.notification.message.max.length.bytes} less 512 for the
 * envelope) is gzipped and base64-encoded; if that is still too long it is split into parts sharing
 * one {@code msgId}.
 */
public final class AtlasNotificationEncoder {
  /** Atlas's default {@code atlas.notification.message.max.length.bytes}. */
  public static final int ATLAS_DEFAULT_MAX_LENGTH_BYTES = 1000 * 1000;

  private static final int ENVELOPE_RESERVE = 512;

  private final AtlasJson json;
  private final int maxBytes;
  private final boolean compress;
  private final String createdBy;
  private final String sourceIp;
  private final Clock clock;
  private final String msgIdPrefix = UUID.randomUUID().toString();
  private final AtomicLong msgIdSuffix = new AtomicLong();

  /**
   * @param maxLengthBytes Atlas's {@code atlas.notification.message.max.length.bytes}
   * @param createdBy the user Atlas records as {@code msgCreatedBy}
   */
  public AtlasNotificationEncoder(
      AtlasJson json,
      int maxLengthBytes,
      boolean compress,
      String createdBy,
      String sourceIp,
      Clock clock) {
    this.json = Objects.requireNonNull(json, "json");
    if (maxLengthBytes <= ENVELOPE_RESERVE) {
      throw new IllegalArgumentException(
          "max length " + maxLengthBytes + " bytes must exceed the envelope's " + ENVELOPE_RESERVE);
    }
    this.maxBytes = maxLengthBytes - ENVELOPE_RESERVE;
    this.compress = compress;
    this.createdBy = createdBy;
    this.sourceIp = sourceIp;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The strings to publish, in order; more than one only for a split message. */
  public List<String> encode(HookNotification message) {
    AtlasNotificationEnvelope envelope =
        new AtlasNotificationEnvelope(
            AtlasNotificationEnvelope.Version.CURRENT,
            null,
            AtlasNotificationEnvelope.COMPRESSION_NONE,
            1,
            1,
            sourceIp,
            createdBy,
            clock.millis(),
            Boolean.FALSE,
            message);
    String envelopeJson = json.write(envelope);
    byte[] bytes = envelopeJson.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return List.of(envelopeJson);
    }
    String msgId = msgIdPrefix + "_" + msgIdSuffix.getAndIncrement();
    String kind = AtlasNotificationEnvelope.COMPRESSION_NONE;
    byte[] encoded;
    if (compress) {
      kind = AtlasNotificationEnvelope.COMPRESSION_GZIP;
      encoded = Base64.getEncoder().encode(gzip(bytes));
      if (encoded.length <= maxBytes) {
        return List.of(
            json.write(stringMessage(msgId, kind, 1, 1, ascii(encoded, 0, encoded.length))));
      }
    } else {
      encoded = Base64.getEncoder().encode(bytes);
    }
    int count = (encoded.length + maxBytes - 1) / maxBytes;
    List<String> parts = new ArrayList<>(count);
    for (int i = 0, offset = 0; i < count; i++, offset += maxBytes) {
      int length = Math.min(maxBytes, encoded.length - offset);
      parts.add(json.write(stringMessage(msgId, kind, i, count, ascii(encoded, offset, length))));
    }
    return parts;
  }

  private AtlasNotificationEnvelope stringMessage(
      String msgId, String kind, int idx, int count, String payload) {
    // Atlas's AtlasNotificationStringMessage carries no creation time, source or user.
    return new AtlasNotificationEnvelope(
        AtlasNotificationEnvelope.Version.CURRENT,
        msgId,
        kind,
        idx,
        count,
        null,
        null,
        null,
        null,
        payload);
  }

  private static String ascii(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.US_ASCII);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip of a notification failed", e);
    }
    return out.toByteArray();
  }
}

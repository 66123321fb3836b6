package io.tributary.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class AtlasNotificationEncoderTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final AtlasJson json = new AtlasJson();
  private final AtlasNotificationEncoder encoder =
      new AtlasNotificationEncoder(
          json, 2048, true, "tributary", "10.0.0.1", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void shouldWrapSmallMessagesInAtlasEnvelopeAsIs() throws Exception {
    List<String> out = encoder.encode(message("short"));

    assertThat(out).hasSize(1);
    JsonNode envelope = json.mapper().readTree(out.get(0));
    assertThat(envelope.path("version").path("version").asText()).isEqualTo("1.0.0");
    assertThat(envelope.path("version").path("versionParts").get(0).asInt()).isEqualTo(1);
    assertThat(envelope.path("msgCompressionKind").asText()).isEqualTo("NONE");
    assertThat(envelope.path("msgSourceIP").asText()).isEqualTo("10.0.0.1");
    assertThat(envelope.path("msgCreatedBy").asText()).isEqualTo("tributary");
    assertThat(envelope.path("msgCreationTime").asLong()).isEqualTo(NOW.toEpochMilli());
    assertThat(envelope.path("spooled").asBoolean(true)).isFalse();
    assertThat(envelope.path("message").path("type").asText()).isEqualTo("ENTITY_CREATE_V2");
    assertThat(envelope.has("msgId")).isFalse();
  }

  @Test
  void shouldGzipAndBase64TheWholeEnvelopeWhenTooLarge() throws Exception {
    String big = "orders ".repeat(1000);

    List<String> out = encoder.encode(message(big));

    assertThat(out).hasSize(1);
    JsonNode compressed = json.mapper().readTree(out.get(0));
    assertThat(compressed.path("msgCompressionKind").asText()).isEqualTo("GZIP");
    assertThat(compressed.path("msgId").asText()).isNotBlank();
    JsonNode inner = json.mapper().readTree(gunzip(compressed.path("message").asText()));
    assertThat(
            inner
                .path("message")
                .path("entities")
                .path("entities")
                .get(0)
                .path("attributes")
                .path("description")
                .asText())
        .isEqualTo(big);
    assertThat(inner.path("msgCreatedBy").asText()).isEqualTo("tributary");
  }

  @Test
  void shouldSplitWhatStaysTooLargeIntoOrderedPartsOfOneMessageId() throws Exception {
    Random random = new Random(7);
    StringBuilder noise = new StringBuilder();
    for (int i = 0; i < 8000; i++) {
      noise.append((char) ('a' + random.nextInt(26)));
    }

    List<String> out = encoder.encode(message(noise.toString()));

    assertThat(out).hasSizeGreaterThan(1);
    StringBuilder joined = new StringBuilder();
    String msgId = null;
    for (int i = 0; i < out.size(); i++) {
      JsonNode part = json.mapper().readTree(out.get(i));
      assertThat(part.path("msgSplitIdx").asInt()).isEqualTo(i);
      assertThat(part.path("msgSplitCount").asInt()).isEqualTo(out.size());
      assertThat(part.path("msgCompressionKind").asText()).isEqualTo("GZIP");
      msgId = msgId == null ? part.path("msgId").asText() : msgId;
      assertThat(part.path("msgId").asText()).isEqualTo(msgId);
      assertThat(part.path("message").asText().length()).isLessThanOrEqualTo(2048 - 512);
      joined.append(part.path("message").asText());
    }
    JsonNode inner = json.mapper().readTree(gunzip(joined.toString()));
    assertThat(inner.path("message").path("type").asText()).isEqualTo("ENTITY_CREATE_V2");
  }

  private static HookNotification message(String description) {
    AtlasEntity topic =
        AtlasEntity.builder("kafka_topic")
            .guid("-1")
            .attribute("qualifiedName", "a@prod")
            .attribute("name", "a")
            .attribute("description", description)
            .build();
    return HookNotification.EntityCreateRequestV2.of(
        "tributary", AtlasEntitiesWithExtInfo.of(List.of(topic)));
  }

  private static String gunzip(String base64) throws Exception {
    byte[] bytes = Base64.getDecoder().decode(base64);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

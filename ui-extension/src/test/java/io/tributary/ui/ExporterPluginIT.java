package io.tributary.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An export format from a plug-in jar is served like the built-in ones. */
class ExporterPluginIT {
  private static UiServer server;

  @BeforeAll
  static void start() {
    server = UiServer.start();
    LineageEvents.estate().forEach(server::ingest);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void shouldServeTheFormatOfAnExporterPluginOnTheClassPath() {
    String orders = server.guid("kafka_topic", LineageEvents.topic("orders"));

    HttpResponse<byte[]> export =
        server.get("api/v1/lineage/" + orders + "/export?format=names&direction=DOWNSTREAM");

    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(export.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).endsWith(".txt\""));
    assertThat(new String(export.body(), StandardCharsets.UTF_8).lines())
        .contains(LineageEvents.topic("orders"), LineageEvents.topic("enriched_orders"));
  }

  @Test
  void shouldNameThePluginAmongTheKnownFormatsForAnUnknownOne() {
    String orders = server.guid("kafka_topic", LineageEvents.topic("orders"));

    HttpResponse<byte[]> export = server.get("api/v1/lineage/" + orders + "/export?format=xlsx");

    assertThat(export.statusCode()).isEqualTo(400);
    assertThat(new String(export.body(), StandardCharsets.UTF_8))
        .contains("'xlsx' is unknown")
        .contains("names")
        .contains("atlas, openlineage, graphml, dot, csv, svg, png");
  }
}

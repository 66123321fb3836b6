package io.tributary.demo;

import io.tributary.demo.edge.EdgeDemo;
import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The whole demo: the catalog server on the data directory, an in-process Kafka broker, the {@link
 * Pipeline} whose applications send their lineage to the catalog, and the {@link EdgeDemo} (MQTT
 * sensors and an edge bridge feeding the pipeline's Kafka). Stopped in reverse order: the
 * applications first, each once its terminal event has reached the catalog, then the broker, then
 * the catalog.
 */
public final class Demo implements AutoCloseable {
  /** The cluster name the broker's topics are filed under: {@code orders@demo}. */
  public static final String CLUSTER = "demo";

  private static final Duration CATALOG_STOP_LIMIT = Duration.ofSeconds(90);
  private static final Duration KAFKA_STOP_LIMIT = Duration.ofSeconds(60);
  private static final Duration PIPELINE_STOP_LIMIT = Duration.ofSeconds(150);
  private static final Duration EDGE_STOP_LIMIT = Duration.ofSeconds(60);

  private final Shutdown shutdown;
  private final CatalogServer catalog;
  private final EmbeddedKafka kafka;
  private final Pipeline pipeline;

  private Demo(Shutdown shutdown, CatalogServer catalog, EmbeddedKafka kafka, Pipeline pipeline) {
    this.shutdown = shutdown;
    this.catalog = catalog;
    this.kafka = kafka;
    this.pipeline = pipeline;
  }

  /**
   * Starts every part; when one fails, those already started are stopped before the error is
   * thrown.
   */
  public static Demo start(DemoSettings settings) throws Exception {
    Objects.requireNonNull(settings, "settings");
    Shutdown shutdown = new Shutdown();
    try {
      Map<String, String> flags = new LinkedHashMap<>();
      flags.put("server.host", "localhost");
      flags.put("server.port", String.valueOf(settings.httpPort()));
      flags.put("data.dir", settings.dataDir().toString());
      CatalogServer catalog = CatalogServer.start(Settings.loader(Map.of()).load(flags));
      shutdown.add("catalog", CATALOG_STOP_LIMIT, catalog);

      EmbeddedKafka kafka = EmbeddedKafka.start(settings.kafkaLogDir(), settings.kafkaPort());
      shutdown.add("kafka", KAFKA_STOP_LIMIT, kafka);

      LineageProperties lineage =
          new LineageProperties(
              catalog.uri(), settings.interval(), CLUSTER, kafka.bootstrapServers(), Map.of());
      Pipeline pipeline =
          Pipeline.start(
              new Pipeline.Settings(
                  kafka.bootstrapServers(),
                  lineage,
                  settings.streamsStateDir(),
                  settings.ordersPerSecond(),
                  null));
      shutdown.add("pipeline", PIPELINE_STOP_LIMIT, pipeline);
      EdgeDemo edge =
          EdgeDemo.start(
              settings.dataDir(),
              catalog.uri(),
              kafka.bootstrapServers(),
              lineage.toMap(),
              settings.interval());
      shutdown.add("edge", EDGE_STOP_LIMIT, edge);
      return new Demo(shutdown, catalog, kafka, pipeline);
    } catch (Exception | Error e) {
      shutdown.run();
      throw e;
    }
  }

  /** The catalog's web UI and API. */
  public URI uri() {
    return catalog.uri();
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  /** Stops the pipeline, the broker and the catalog, each within its time limit. Idempotent. */
  @Override
  public void close() {
    shutdown.run();
  }
}

package io.tributary.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the demo ({@code tributary-demo.jar}) can be told.
 *
 * @param httpPort the catalog's HTTP port; 0 takes a free one
 * @param dataDir the catalog's data directory; the broker's log and Kafka Streams' state live in it
 *     too ({@code kafka/}, {@code streams/})
 * @param kafkaPort the broker's client port; 0 takes a free one
 * @param interval the time between RUNNING snapshots of every application
 * @param ordersPerSecond the order service's rate
 */
public record DemoSettings(
    int httpPort, Path dataDir, int kafkaPort, Duration interval, int ordersPerSecond) {
  public DemoSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(interval, "interval");
    requirePort(httpPort, "HTTP port");
    requirePort(kafkaPort, "Kafka port");
    if (interval.toMillis() < 1000) {
      throw new IllegalArgumentException(
          "Snapshot interval " + interval.toMillis() + " ms is shorter than one second");
    }
    if (ordersPerSecond < 1 || ordersPerSecond > 1000) {
      throw new IllegalArgumentException(
          "Orders per second " + ordersPerSecond + " not in 1..1000");
    }
  }

  private static void requirePort(int port, String what) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " " + port + " is outside 0..65535");
    }
  }

  public Path kafkaLogDir() {
    return dataDir.resolve("kafka");
  }

  public Path streamsStateDir() {
    return dataDir.resolve("streams");
  }
}

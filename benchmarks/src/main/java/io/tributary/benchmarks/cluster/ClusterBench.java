package io.tributary.benchmarks.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.events.LineageEvents;
import io.tributary.testkit.events.TestDataset;
import io.tributary.testkit.kafka.KafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest and lineage-read throughput of one server against three, over one Cassandra keyspace and
 * one KRaft broker: (A) one server in the default mode (201 after the commit) on CQL, the baseline;
 * (B) one server in cluster mode (202 from the Kafka journal); (C) three servers in cluster mode,
 * clients spread round-robin. Servers are child JVMs from this class path, each configuration on a
 * fresh keyspace.
 *
 * <p>On a two-core machine the three servers share the cores the one server had, so the ratio (C) /
 * (A) shows the cluster's overhead, not its scaling.
 *
 * <p>Arguments: {@code <cassandra host:port> [events=600] [clients=8] [readSeconds=15]}. Start
 * Cassandra first, e.g. with the test kit's {@code EmbeddedCassandra} main (docs/benchmarks.md).
 */
public final class ClusterBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private record Result(
      String name, double acceptedPerSecond, double appliedPerSecond, double readsPerSecond) {}

  public static void main(String[] args) throws Exception {
    String[] cassandra = args[0].split(":");
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 600;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int readSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
    Path work = Files.createTempDirectory("cluster-bench");
    List<Result> results = new ArrayList<>();
    try (KafkaBroker broker = KafkaBroker.start()) {
      results.add(
          run(
              "A: 1 server, local",
              1,
              false,
              cassandra,
              broker,
              work,
              events,
              clients,
              readSeconds));
      results.add(
          run(
              "B: 1 server, cluster",
              1,
              true,
              cassandra,
              broker,
              work,
              events,
              clients,
              readSeconds));
      results.add(
          run(
              "C: 3 servers, cluster",
              3,
              true,
              cassandra,
              broker,
              work,
              events,
              clients,
              readSeconds));
    }
    Result base = results.get(0);
    System.out.println();
    System.out.println(
        "| configuration | accepted events/s | applied events/s (ratio to A) | lineage reads/s (ratio to A) |");
    System.out.println("|---|---|---|---|");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0f | %.0f (%.2f) | %.0f (%.2f) |%n",
          r.name(),
          r.acceptedPerSecond(),
          r.appliedPerSecond(),
          r.appliedPerSecond() / base.appliedPerSecond(),
          r.readsPerSecond(),
          r.readsPerSecond() / base.readsPerSecond());
    }
  }

  private static Result run(
      String name,
      int servers,
      boolean cluster,
      String[] cassandra,
      KafkaBroker broker,
      Path work,
      int events,
      int clients,
      int readSeconds)
      throws Exception {
    String keyspace =
        "bench_" + name.charAt(0) + "_" + Long.toHexString(System.nanoTime()).substring(0, 6);
    String suffix = keyspace.substring(keyspace.length() - 6);
    List<Process> processes = new ArrayList<>();
    List<URI> uris = new ArrayList<>();
    try {
      for (int i = 0; i < servers; i++) {
        List<String> command =
            new ArrayList<>(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx640m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.tributary.cli.Tributary",
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    String.valueOf(freePort()),
                    "--data-dir",
                    Files.createDirectories(work.resolve(keyspace + "-" + i)).toString(),
                    "--set",
                    "catalog.backend=embedded-cql",
                    "--set",
                    "catalog.cql.hosts=" + cassandra[0],
                    "--set",
                    "catalog.cql.port=" + cassandra[1],
                    "--set",
                    "catalog.cql.keyspace=" + keyspace,
                    "--set",
                    "search.enabled=false"));
        if (cluster) {
          command.addAll(
              List.of(
                  "--set",
                  "cluster.enabled=true",
                  "--set",
                  "cluster.server-id=" + keyspace + "-" + i,
                  "--set",
                  "cluster.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                  "--set",
                  "cluster.ingest.topic=ingest-" + keyspace,
                  "--set",
                  "cluster.changes.topic=changes-" + keyspace,
                  "--set",
                  "cluster.ingest.group-id=group-" + keyspace,
                  "--set",
                  "cluster.ingest.partitions=6"));
        }
        Process p =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(keyspace + "-" + i + ".log").toFile())
                .start();
        processes.add(p);
        // The first server creates the keyspace and schema alone.
        uris.add(awaitReady(work.resolve(keyspace + "-" + i + ".log"), p));
      }
      // Ingest: each client posts its share of START events (one job and one output topic each).
      AtomicInteger next = new AtomicInteger();
      AtomicLong failed = new AtomicLong();
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(
            CompletableFuture.runAsync(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < events) {
                    URI server = uris.get(i % uris.size());
                    String body =
                        LineageEvents.job("job-" + suffix + "-" + i)
                            .output(TestDataset.topic("t-" + suffix + "-" + i))
                            .start()
                            .json();
                    int status = post(server, body);
                    if (status != 201 && status != 202) {
                      failed.incrementAndGet();
                    }
                  }
                },
                pool));
      }
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
      double acceptedSeconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      // Applied: every server's store count shows all topics (one store, so any server would do;
      // all are asked so that a lagging one counts).
      for (URI server : uris) {
        while (topics(server) < events - failed.get()) {
          TimeUnit.MILLISECONDS.sleep(50);
        }
      }
      double appliedSeconds = (System.nanoTime() - start) / 1e9;
      // Reads: the lineage of known topics, round-robin over the servers.
      List<String> guids = new ArrayList<>();
      for (int i = 0; i < Math.min(events, 50); i++) {
        guids.add(guid(uris.get(0), TestDataset.topic("t-" + suffix + "-" + i).qualifiedName()));
      }
      AtomicLong reads = new AtomicLong();
      long readUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(readSeconds);
      ExecutorService readers = Executors.newFixedThreadPool(clients);
      List<CompletableFuture<Void>> reading = new ArrayList<>();
      long readStart = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        int client = c;
        reading.add(
            CompletableFuture.runAsync(
                () -> {
                  int k = client;
                  while (System.nanoTime() < readUntil) {
                    URI server = uris.get(k % uris.size());
                    get(server, "/api/v1/lineage/" + guids.get(k % guids.size()) + "?depth=3");
                    reads.incrementAndGet();
                    k++;
                  }
                },
                readers));
      }
      CompletableFuture.allOf(reading.toArray(CompletableFuture[]::new)).join();
      double readSecondsTaken = (System.nanoTime() - readStart) / 1e9;
      readers.shutdown();
      Result r =
          new Result(
              name,
              events / acceptedSeconds,
              events / appliedSeconds,
              reads.get() / readSecondsTaken);
      System.out.printf(
          Locale.ROOT,
          "%s: accepted %.1f s, applied %.1f s, %d failed, %d reads in %.1f s%n",
          name,
          acceptedSeconds,
          appliedSeconds,
          failed.get(),
          reads.get(),
          readSecondsTaken);
      return r;
    } finally {
      for (Process p : processes) {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static URI awaitReady(Path log, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("server exited; see " + log);
      }
      if (Files.exists(log)) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          int at = line.indexOf("ready at ");
          if (at >= 0) {
            return URI.create(line.substring(at + "ready at ".length()).trim());
          }
        }
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new IllegalStateException("server not ready in 5 minutes; see " + log);
  }

  private static int post(URI server, String body) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(server.resolve("/api/v1/lineage"))
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(60))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static JsonNode get(URI server, String path) {
    try {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(server.resolve(path))
                  .timeout(Duration.ofSeconds(60))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long topics(URI server) {
    return get(server, "/api/v1/stats").path("entitiesByType").path("kafka_topic").asLong();
  }

  private static String guid(URI server, String qualifiedName) {
    JsonNode answer =
        get(
            server,
            "/api/v1/entities?type=kafka_topic&qualifiedName="
                + URLEncoder.encode(qualifiedName, StandardCharsets.UTF_8));
    JsonNode entity = answer.has("entities") ? answer.path("entities").path(0) : answer;
    return entity.path("guid").asText();
  }
}

package io.tributary.benchmarks.catalog;

import static io.tributary.benchmarks.BenchRun.load;

import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import io.tributary.testkit.kafka.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * RUNNING refreshes of a started streaming estate, alone: through {@code POST /api/v1/lineage} at
 * several client counts, then from the Kafka ingest topic (OpenLineage's Kafka transport format),
 * in one server. The refresh figures of {@link IngestBench} without the others, for quick rounds
 * and profiling.
 *
 * <p>Usage: {@code HttpRefreshBench [jobs] [refreshes] [rounds] [clients,clients,...]
 * [key=value,...]}: the last, server settings for the run (such as {@code search.enabled=false}),
 * so that runs with and without a feature can alternate.
 */
public final class HttpRefreshBench {
  private static final String TOPIC = "openlineage";
  private static final Pattern INGESTED =
      Pattern.compile("tributary_kafka_records_ingested_total\\{[^}]*} ([0-9.E]+)");

  private HttpRefreshBench() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int refreshes = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String[] clientCounts = (args.length > 3 ? args[3] : "8,32").split(",");
    System.out.printf(
        "refresh: %d jobs, %d refreshes a round, %d rounds; %d cpus; load %s%n",
        jobs, refreshes, rounds, Runtime.getRuntime().availableProcessors(), load());
    Path dir = Files.createTempDirectory("bench-refresh");
    KafkaBroker kafka = broker();
    Map<String, String> config = new HashMap<>();
    config.put("server.port", "0");
    config.put("data.dir", dir.toString());
    config.put("kafka.ingest.enabled", "true");
    config.put("kafka.ingest.bootstrap-servers", kafka.bootstrapServers());
    config.put("kafka.ingest.topic", TOPIC);
    if (args.length > 4) {
      for (String setting : args[4].split(",")) {
        String[] kv = setting.split("=", 2);
        config.put(kv[0].trim(), kv[1].trim());
      }
      System.out.printf("settings: %s%n", args[4]);
    }
    try (CatalogServer server = CatalogServer.start(Settings.loader(Map.of()).load(config))) {
      List<String> starts = new ArrayList<>();
      for (int j = 0; j < jobs; j++) {
        starts.add(StreamingEstate.start(j, j));
      }
      System.out.printf(
          "START through HTTP: %s%n", new HttpLoad(server.uri(), 8).closedLoop(starts).describe());
      long seq = 1_000_000;
      double last = 0;
      for (int round = 1; round <= rounds; round++) {
        for (String count : clientCounts) {
          int clients = Integer.parseInt(count.trim());
          List<String> events = refreshes(jobs, refreshes, seq);
          seq += refreshes;
          Map<String, Long> before = ThreadCpu.byGroup();
          HttpLoad.Result result = new HttpLoad(server.uri(), clients).closedLoop(events);
          Map<String, Long> after = ThreadCpu.byGroup();
          if (clients == Integer.parseInt(clientCounts[0].trim())) {
            last = result.rate();
          }
          System.out.printf(
              "round %d: HTTP, %d clients: %s; CPU per refresh, ms: %s%n",
              round, clients, result.describe(), ThreadCpu.perEvent(before, after, refreshes));
        }
        List<String> events = refreshes(jobs, refreshes, seq);
        seq += refreshes;
        System.out.printf(
            "round %d: Kafka ingest topic: %,.0f events/s%n",
            round, fromKafka(kafka, server.uri(), events));
      }
      double half = last / 2;
      List<String> events = refreshes(jobs, (int) Math.min(refreshes, half * 20), seq);
      HttpLoad.Result paced =
          new HttpLoad(server.uri(), Integer.parseInt(clientCounts[0].trim())).paced(events, half);
      System.out.printf(
          "HTTP paced at half the last %s-client rate (%,.0f/s): %s%n",
          clientCounts[0].trim(), half, paced.describe());
      System.out.printf("load at the end: %s%n", load());
    } finally {
      kafka.close();
      IngestBench.deleteRecursively(dir);
    }
    // The broker's test kit leaves non-daemon threads behind.
    System.exit(0);
  }

  private static List<String> refreshes(int jobs, int count, long seq) {
    List<String> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(StreamingEstate.running(i % jobs, seq + i));
    }
    return events;
  }

  /**
   * Writes the events to the topic first (keyed by job, as OpenLineage's Kafka transport does),
   * then times the catalog reading and committing all of them.
   */
  private static double fromKafka(KafkaBroker kafka, URI server, List<String> events)
      throws Exception {
    double already = ingested(server);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    long start = System.nanoTime();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < events.size(); i++) {
        producer.send(new ProducerRecord<>(TOPIC, "job-" + i % 400, events.get(i)));
      }
      producer.flush();
    }
    while (ingested(server) - already < events.size()) {
      Thread.sleep(20);
    }
    return events.size() / ((System.nanoTime() - start) / 1e9);
  }

  private static double ingested(URI server) throws Exception {
    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double total = 0;
    Matcher m = INGESTED.matcher(metrics);
    while (m.find()) {
      total += Double.parseDouble(m.group(1));
    }
    return total;
  }

  private static KafkaBroker broker() throws Exception {
    KafkaBroker broker = KafkaBroker.start();
    broker.createTopics(3, TOPIC);
    return broker;
  }
}

package io.tributary.benchmarks.atlas;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tributary.atlas.AtlasEntitiesWithExtInfo;
import io.tributary.atlas.AtlasJson;
import io.tributary.atlas.AtlasNotificationEncoder;
import io.tributary.atlas.AtlasTypedefStore;
import io.tributary.atlas.AtlasWriteMapper;
import io.tributary.atlas.AtlasWritePlan;
import io.tributary.atlas.HookNotification;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.Types;
import io.tributary.catalog.atlas.AtlasCatalog;
import io.tributary.catalog.atlas.AtlasNotificationSink;
import io.tributary.catalog.atlas.AtlasRestClient;
import io.tributary.catalog.atlas.AtlasRestConfig;
import io.tributary.catalog.atlas.AtlasRestSink;
import io.tributary.catalog.atlas.TenantQualifiedNames;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.server.atlas.AtlasV2Resource;
import io.tributary.testkit.kafka.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.atlas.AtlasClientV2;
import org.apache.atlas.model.instance.AtlasEntity;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Prints entities/s for: (1) {@code POST /api/atlas/v2/entity/bulk} on the embedded catalog
 * (JanusGraph on BerkeleyJE in a temporary directory) with {@code AtlasClientV2}, bulk requests of
 * 1, 100 and 1,000 entities; (2) the remote-Atlas backend's REST sink to a WireMock Atlas and (3)
 * its notification sink to {@code ATLAS_HOOK} on an in-process broker, each next to the same HTTP
 * client or Kafka producer sending the prepared bytes without Tributary's mapping.
 *
 * <p>Run: {@code java -cp benchmarks/target/... io.tributary.benchmarks.atlas.AtlasIngestBench
 * [scale]} where scale (default 1) multiplies the entity counts. Needs {@code
 * atlas-application.properties} on the classpath or through {@code -Datlas.conf}.
 */
public final class AtlasIngestBench {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private AtlasIngestBench() {}

  public static void main(String[] args) throws Exception {
    int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    ensureAtlasConf();
    System.out.println("== Atlas REST ingest on the embedded catalog (AtlasClientV2, BerkeleyJE)");
    embedded(1, 300 * scale);
    embedded(100, 3_000 * scale);
    embedded(1_000, 5_000 * scale);
    System.out.println("== Remote-Atlas backend, REST sink to a WireMock Atlas");
    remoteRest(100, 20_000 * scale);
    remoteRest(1_000, 20_000 * scale);
    System.out.println("== Remote-Atlas backend, notification sink to ATLAS_HOOK");
    remoteNotification(20_000 * scale);
  }

  // ---- (1) embedded

  private static void embedded(int bulk, int entities) throws Exception {
    Path dir = Files.createTempDirectory("tributary-atlas-bench");
    TypeRegistry types = TypeRegistry.builtIn();
    try (JanusCatalog catalog =
        JanusCatalog.open(JanusConfig.berkeley(dir), types, new ChangeFeed())) {
      HttpServer http =
          GrizzlyHttpServerFactory.createHttpServer(
              URI.create("http://127.0.0.1:0/"),
              new ResourceConfig().register(AtlasV2Resource.create(catalog, types)));
      try {
        int port = http.getListeners().iterator().next().getPort();
        AtlasClientV2 client =
            new AtlasClientV2(
                new String[] {"http://127.0.0.1:" + port}, new String[] {"admin", "admin"});
        send(client, bulk, Math.min(entities, 2 * bulk + 50), "warm"); // warm-up, not timed
        long start = System.nanoTime();
        int sent = send(client, bulk, entities, "run");
        report("bulk of " + bulk, sent, System.nanoTime() - start);
        // The same entities written straight into the catalog: what the API adds on top.
        start = System.nanoTime();
        int direct = 0;
        while (direct < entities) {
          List<EntityWrite> writes = new ArrayList<>();
          for (int i = 0; i < bulk && direct + i < entities; i++) {
            int n = direct + i;
            writes.add(
                new EntityWrite(
                    new EntityKey(
                        TenantId.DEFAULT,
                        Types.KAFKA_TOPIC,
                        "direct-topic-" + bulk + "-" + n + "@prod"),
                    "direct-topic-" + n,
                    Map.of(
                        "topic",
                        "direct-topic-" + n,
                        "uri",
                        "direct-topic-" + n,
                        "description",
                        "benchmark topic " + n),
                    Set.of(),
                    T0));
          }
          catalog.apply(new Mutation("bench", writes, List.of()));
          direct += writes.size();
        }
        report("  same writes, Catalog.apply directly", direct, System.nanoTime() - start);
      } finally {
        http.shutdownNow();
      }
    }
  }

  private static int send(AtlasClientV2 client, int bulk, int entities, String prefix)
      throws Exception {
    int sent = 0;
    while (sent < entities) {
      List<AtlasEntity> batch = new ArrayList<>(bulk);
      for (int i = 0; i < bulk && sent + i < entities; i++) {
        AtlasEntity topic = new AtlasEntity(Types.KAFKA_TOPIC);
        int n = sent + i;
        topic.setGuid("-" + (i + 1));
        topic.setAttribute("qualifiedName", prefix + "-topic-" + bulk + "-" + n + "@prod");
        topic.setAttribute("name", prefix + "-topic-" + n);
        topic.setAttribute("topic", prefix + "-topic-" + n);
        topic.setAttribute("uri", prefix + "-topic-" + n);
        topic.setAttribute("description", "benchmark topic " + n);
        batch.add(topic);
      }
      client.createEntities(
          new org.apache.atlas.model.instance.AtlasEntity.AtlasEntitiesWithExtInfo(batch));
      sent += batch.size();
    }
    return sent;
  }

  // ---- (2) remote REST

  private static void remoteRest(int batchSize, int entities) throws Exception {
    WireMockServer atlas = new WireMockServer(options().dynamicPort().containerThreads(8));
    atlas.start();
    try {
      atlas.stubFor(
          post(urlPathEqualTo("/api/atlas/v2/entity/bulk"))
              .willReturn(okJson("{\"mutatedEntities\":{},\"guidAssignments\":{}}")));
      AtlasJson json = new AtlasJson();
      AtlasRestClient client =
          AtlasRestClient.create(
              AtlasRestConfig.of(URI.create(atlas.baseUrl()), "admin", "admin"), json);
      AtlasTypedefStore typedefs = AtlasTypedefStore.builtIn(TypeRegistry.builtIn(), json);
      List<Mutation> mutations = jobs(entities);
      int perCall = Math.max(1, batchSize / 4);
      try (AtlasCatalog catalog =
          new AtlasCatalog(
              client,
              new AtlasRestSink(client, batchSize),
              typedefs,
              new TenantQualifiedNames(),
              new ChangeFeed())) {
        catalog.applyAll(mutations.subList(0, perCall)); // warm-up
        long start = System.nanoTime();
        for (int i = 0; i < mutations.size(); i += perCall) {
          catalog.applyAll(mutations.subList(i, Math.min(mutations.size(), i + perCall)));
        }
        long tributary = System.nanoTime() - start;

        // The same bulk bodies, prepared beforehand, sent by the same HTTP client.
        AtlasWriteMapper mapper =
            new AtlasWriteMapper(typedefs, new TenantQualifiedNames()::encode);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < mutations.size(); i += perCall) {
          AtomicInteger placeholders = new AtomicInteger();
          List<io.tributary.atlas.AtlasEntity> creates = new ArrayList<>();
          for (Mutation m : mutations.subList(i, Math.min(mutations.size(), i + perCall))) {
            mapper.plan(m, placeholders, true).creates().forEach(k -> creates.add(k.entity()));
          }
          bodies.add(json.writeBytes(AtlasEntitiesWithExtInfo.of(creates)));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI bulk = URI.create(atlas.baseUrl() + "/api/atlas/v2/entity/bulk");
        start = System.nanoTime();
        for (byte[] body : bodies) {
          HttpResponse<byte[]> r =
              http.send(
                  HttpRequest.newBuilder(bulk)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          if (r.statusCode() != 200) {
            throw new IllegalStateException("stub answered " + r.statusCode());
          }
        }
        long raw = System.nanoTime() - start;
        report("REST sink, batch " + batchSize, entities, tributary);
        report("prepared bodies, same client", entities, raw);
        System.out.printf("  ratio Tributary/raw: %.2f%n", (double) raw / tributary);
      }
    } finally {
      atlas.stop();
    }
  }

  // ---- (3) remote notifications

  private static void remoteNotification(int entities) throws Exception {
    KafkaBroker cluster = KafkaBroker.start();
    try {
      cluster.createTopics(3, "ATLAS_HOOK", "ATLAS_HOOK_RAW");
      AtlasJson json = new AtlasJson();
      AtlasTypedefStore typedefs = AtlasTypedefStore.builtIn(TypeRegistry.builtIn(), json);
      AtlasNotificationEncoder encoder =
          new AtlasNotificationEncoder(
              json,
              AtlasNotificationEncoder.ATLAS_DEFAULT_MAX_LENGTH_BYTES,
              true,
              "tributary",
              "127.0.0.1",
              Clock.systemUTC());
      List<Mutation> mutations = jobs(entities);
      AtlasRestClient unused =
          AtlasRestClient.create(
              AtlasRestConfig.of(URI.create("http://127.0.0.1:9"), null, null), json);
      long tributary;
      try (AtlasCatalog catalog =
          new AtlasCatalog(
              unused,
              new AtlasNotificationSink(producer(cluster), "ATLAS_HOOK", encoder, "tributary"),
              typedefs,
              new TenantQualifiedNames(),
              new ChangeFeed())) {
        catalog.applyAll(mutations.subList(0, 25)); // warm-up
        long start = System.nanoTime();
        for (int i = 0; i < mutations.size(); i += 25) {
          catalog.applyAll(mutations.subList(i, Math.min(mutations.size(), i + 25)));
        }
        tributary = System.nanoTime() - start;
      }
      // The same envelopes and keys, prepared beforehand, sent by the same producer settings.
      AtlasWriteMapper mapper = new AtlasWriteMapper(typedefs, new TenantQualifiedNames()::encode);
      List<String[]> records = new ArrayList<>();
      for (Mutation m : mutations) {
        for (AtlasWritePlan.Keyed k : mapper.plan(m, new AtomicInteger(), false).creates()) {
          for (String part :
              encoder.encode(
                  HookNotification.EntityCreateRequestV2.of(
                      "tributary", AtlasEntitiesWithExtInfo.of(List.of(k.entity()))))) {
            records.add(new String[] {k.key().toString(), part});
          }
        }
      }
      long raw;
      try (KafkaProducer<String, String> producer = producer(cluster)) {
        long start = System.nanoTime();
        for (int i = 0; i < records.size(); i += 100) {
          List<Future<RecordMetadata>> sent = new ArrayList<>();
          for (String[] r : records.subList(i, Math.min(records.size(), i + 100))) {
            sent.add(producer.send(new ProducerRecord<>("ATLAS_HOOK_RAW", r[0], r[1])));
          }
          for (Future<RecordMetadata> f : sent) {
            f.get();
          }
        }
        raw = System.nanoTime() - start;
      }
      report("notification sink (25 mutations per call)", entities, tributary);
      report("prepared messages, same producer", entities, raw);
      System.out.printf("  ratio Tributary/raw: %.2f%n", (double) raw / tributary);
    } finally {
      cluster.close();
    }
  }

  private static KafkaProducer<String, String> producer(KafkaBroker cluster) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  /** Jobs of four entities: two input topics, the job, one output topic; three relationships. */
  private static List<Mutation> jobs(int entities) {
    List<Mutation> out = new ArrayList<>();
    for (int j = 0; j * 4 < entities; j++) {
      EntityKey job = new EntityKey(TenantId.DEFAULT, Types.FLINK_APPLICATION, "flink://job-" + j);
      EntityKey a = new EntityKey(TenantId.DEFAULT, Types.KAFKA_TOPIC, "in-" + j + "-a@prod");
      EntityKey b = new EntityKey(TenantId.DEFAULT, Types.KAFKA_TOPIC, "in-" + j + "-b@prod");
      EntityKey o = new EntityKey(TenantId.DEFAULT, Types.KAFKA_TOPIC, "out-" + j + "@prod");
      out.add(
          new Mutation(
              "bench",
              List.of(
                  new EntityWrite(
                      job, "job-" + j, Map.of("processingType", "STREAMING"), Set.of(), T0),
                  new EntityWrite(a, "in-" + j + "-a", Map.of(), Set.of(), T0),
                  new EntityWrite(b, "in-" + j + "-b", Map.of(), Set.of(), T0),
                  new EntityWrite(
                      o, "out-" + j, Map.of("description", "output of job " + j), Set.of(), T0)),
              List.of(
                  new RelationshipWrite(Types.REL_INPUTS, a, job, Map.of(), T0),
                  new RelationshipWrite(Types.REL_INPUTS, b, job, Map.of(), T0),
                  new RelationshipWrite(Types.REL_OUTPUTS, job, o, Map.of(), T0))));
    }
    return out;
  }

  private static void report(String what, int entities, long nanos) {
    System.out.printf(
        "  %-44s %8d entities in %7.2f s = %10.0f entities/s%n",
        what, entities, nanos / 1e9, entities / (nanos / 1e9));
  }

  /** Atlas's client needs atlas-application.properties; write a minimal one when none is given. */
  private static void ensureAtlasConf() throws Exception {
    if (System.getProperty("atlas.conf") != null
        || AtlasIngestBench.class.getResource("/atlas-application.properties") != null) {
      return;
    }
    Path dir = Files.createTempDirectory("atlas-conf");
    Files.writeString(dir.resolve("atlas-application.properties"), "atlas.enableTLS=false\n");
    System.setProperty("atlas.conf", dir.toString());
  }
}

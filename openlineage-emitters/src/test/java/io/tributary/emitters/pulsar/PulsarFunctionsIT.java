package io.tributary.emitters.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Metrics;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.tributary.emitters.EmitterSettings;
import io.tributary.emitters.testing.ClientLineage;
import io.tributary.emitters.testing.EndpointOutage;
import io.tributary.emitters.testing.LineageEndpoint;
import io.tributary.emitters.testing.OpenLineageSchemas;
import io.tributary.emitters.testing.PulsarApps;
import io.tributary.emitters.testing.PulsarFunctions;
import io.tributary.emitters.testing.PulsarFunctions.Kind;
import io.tributary.emitters.testing.PulsarProcess.Deployment;
import io.tributary.emitters.testing.PulsarServer;
import io.tributary.emitters.testing.RunEvents;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Functions and IO wrappers in Pulsar's own Functions runtime (thread mode, as a functions
 * worker or a localrun runs instances) on a real Pulsar standalone, deployed from the
 * configurations users write: the runtime creates the wrappers from their class names, and the
 * wrappers the application's function, source or sink.
 */
class PulsarFunctionsIT {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();
  private static PulsarServer pulsar;
  private static PulsarClient client;

  @BeforeAll
  static void startBroker() throws Exception {
    pulsar = PulsarServer.start();
    client = PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).build();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    client.close();
    pulsar.close();
  }

  /** The emitter's keys as an instance's configuration carries them: text only. */
  private static Map<String, Object> lineage(Map<String, Object> transport) {
    Map<String, Object> config = ClientLineage.config("unused", transport);
    config.remove("openlineage.job.name");
    config.remove(EmitterSettings.METER_REGISTRY);
    config.put("openlineage.pulsar.service.url", pulsar.serviceUrl());
    return config;
  }

  @Test
  void shouldEmitASourceAFunctionAndASinkWithTheTopicsTheRuntimeGivesThem() throws Exception {
    int records = 30;
    String raw = "persistent://public/default/readings-raw";
    String clean = "persistent://public/default/readings-clean";
    try (LineageEndpoint endpoint = LineageEndpoint.start()) {
      Map<String, Object> lineage = lineage(ClientLineage.http(endpoint, "acme"));
      Map<String, Object> sourceConfigs = new HashMap<>(lineage);
      sourceConfigs.put("records", String.valueOf(records));

      try (PulsarFunctions runtime = PulsarFunctions.start(pulsar.serviceUrl(), pulsar.httpUrl())) {
        deploy(runtime, Deployment.sink("warehouse", PulsarApps.COUNTING_SINK, clean, lineage));
        deploy(runtime, Deployment.function("upper", PulsarApps.UPPER_CASE, raw, clean, lineage));
        deploy(runtime, Deployment.source("readings", PulsarApps.SEQUENCE, raw, sourceConfigs));
        await().atMost(Duration.ofSeconds(60)).until(() -> PulsarApps.sunk("warehouse") == records);
      }

      List<RunEvent> events = endpoint.events();
      assertThat(events)
          .filteredOn(e -> e.getEventType() == EventType.COMPLETE)
          .extracting(e -> e.getJob().getName())
          .containsExactlyInAnyOrder(
              "public/default/readings", "public/default/upper", "public/default/warehouse");
      String namespace = PulsarNaming.namespace(pulsar.serviceUrl());
      List<RunEvent> sourceRun = ofJob(events, "public/default/readings");
      List<RunEvent> functionRun = ofJob(events, "public/default/upper");
      List<RunEvent> sinkRun = ofJob(events, "public/default/warehouse");
      assertThat(RunEvents.datasetsOfRun(sourceRun, false)).containsExactly(namespace + " " + raw);
      assertThat(RunEvents.datasetsOfRun(functionRun, true)).containsExactly(namespace + " " + raw);
      assertThat(RunEvents.datasetsOfRun(functionRun, false))
          .containsExactly(namespace + " " + clean);
      assertThat(RunEvents.datasetsOfRun(sinkRun, true)).containsExactly(namespace + " " + clean);
      assertThat(RunEvents.rows(sourceRun, raw, false)).isEqualTo(records);
      assertThat(RunEvents.rows(functionRun, raw, true)).isEqualTo(records);
      assertThat(RunEvents.rows(functionRun, clean, false)).isEqualTo(records);
      assertThat(RunEvents.rows(sinkRun, clean, true)).isEqualTo(records);
      assertThat(sourceRun.get(0).getJob().getFacets().getJobType().getJobType())
          .isEqualTo("SOURCE");
      assertThat(functionRun.get(0).getJob().getFacets().getJobType().getJobType())
          .isEqualTo("FUNCTION");
      assertThat(sinkRun.get(0).getJob().getFacets().getJobType().getJobType()).isEqualTo("SINK");
      assertThat(endpoint.tenantHeaders()).containsOnly("acme");
      assertThat(endpoint.bodies())
          .allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
    }
  }

  private static void deploy(PulsarFunctions runtime, Deployment deployment) throws Exception {
    runtime.deploy(Kind.valueOf(deployment.kind()), deployment.configJson());
  }

  private static List<RunEvent> ofJob(List<RunEvent> events, String job) {
    return events.stream().filter(e -> e.getJob().getName().equals(job)).toList();
  }

  @Test
  void shouldKeepAFunctionProcessingWhileTheEndpointIsDownAndRecoverWhenItReturns()
      throws Exception {
    String in = "persistent://public/default/clicks-in";
    String out = "persistent://public/default/clicks-out";
    try (EndpointOutage outage = EndpointOutage.begin();
        Producer<String> producer = client.newProducer(Schema.STRING).topic(in).create()) {
      Metrics.globalRegistry.add(outage.registry());
      AtomicInteger sent = new AtomicInteger();
      try (PulsarFunctions runtime = PulsarFunctions.start(pulsar.serviceUrl(), pulsar.httpUrl())) {
        deploy(
            runtime,
            Deployment.function(
                "click-upper", PulsarApps.UPPER_CASE, in, out, lineage(outage.lineageConfig())));
        outage.writeUntilDropped(
            () -> {
              producer.send("click");
              return sent.incrementAndGet();
            });
        outage.restoreAndAwaitSnapshot();
      } finally {
        Metrics.globalRegistry.remove(outage.registry());
      }
      outage.assertRecovered(out, sent.get());
    }
  }
}

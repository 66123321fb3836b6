package io.tributary.emitters.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
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
  private static final ObjectMapper JSON = new ObjectMapper();
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

  private static String function(
      String name, Class<?> delegate, String input, String output, Map<String, Object> lineage)
      throws Exception {
    Map<String, Object> userConfig = new HashMap<>(lineage);
    userConfig.put("tributary.delegate.class", delegate.getName());
    return JSON.writeValueAsString(
        Map.of(
            "tenant",
            "public",
            "namespace",
            "default",
            "name",
            name,
            "className",
            TributaryFunction.class.getName(),
            "inputs",
            List.of(input),
            "output",
            output,
            "subscriptionPosition",
            "Earliest",
            "userConfig",
            userConfig));
  }

  private static Map<String, Object> connector(
      String name, Class<?> wrapper, Class<?> delegate, Map<String, Object> lineage) {
    Map<String, Object> configs = new HashMap<>(lineage);
    configs.put("tributary.delegate.class", delegate.getName());
    Map<String, Object> config = new HashMap<>();
    config.put("tenant", "public");
    config.put("namespace", "default");
    config.put("name", name);
    config.put("className", wrapper.getName());
    config.put("configs", configs);
    return config;
  }

  @Test
  void shouldEmitASourceAFunctionAndASinkWithTheTopicsTheRuntimeGivesThem() throws Exception {
    int records = 30;
    String raw = "persistent://public/default/readings-raw";
    String clean = "persistent://public/default/readings-clean";
    try (LineageEndpoint endpoint = LineageEndpoint.start()) {
      Map<String, Object> lineage = lineage(ClientLineage.http(endpoint, "acme"));
      Map<String, Object> source =
          connector("readings", TributarySource.class, PulsarApps.Sequence.class, lineage);
      source.put("topicName", raw);
      @SuppressWarnings("unchecked")
      Map<String, Object> sourceConfigs = (Map<String, Object>) source.get("configs");
      sourceConfigs.put("records", String.valueOf(records));
      Map<String, Object> sink =
          connector("warehouse", TributarySink.class, PulsarApps.CountingSink.class, lineage);
      sink.put("inputs", List.of(clean));
      sink.put("sourceSubscriptionPosition", "Earliest");

      try (PulsarFunctions runtime = PulsarFunctions.start(pulsar.serviceUrl(), pulsar.httpUrl())) {
        runtime.deploy(Kind.SINK, JSON.writeValueAsString(sink));
        runtime.deploy(
            Kind.FUNCTION, function("upper", PulsarApps.UpperCase.class, raw, clean, lineage));
        runtime.deploy(Kind.SOURCE, JSON.writeValueAsString(source));
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
        runtime.deploy(
            Kind.FUNCTION,
            function(
                "click-upper",
                PulsarApps.UpperCase.class,
                in,
                out,
                lineage(outage.lineageConfig())));
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

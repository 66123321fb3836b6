package io.tributary.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.config.ConfigException;
import io.tributary.config.Configuration;
import io.tributary.contract.schema.EventValidator;
import io.tributary.edge.clock.HybridLogicalClock;
import io.tributary.edge.forward.ForwardRule;
import io.tributary.edge.forward.Forwarder;
import io.tributary.edge.journal.Journal;
import io.tributary.edge.journal.JournalException;
import io.tributary.edge.lineage.DeviceInput;
import io.tributary.edge.lineage.EdgeEvents;
import io.tributary.edge.lineage.Naming;
import io.tributary.edge.lineage.TopicPattern;
import io.tributary.edge.lineage.TrafficWindows;
import io.tributary.edge.mqtt.MqttOptions;
import io.tributary.edge.mqtt.MqttSource;
import io.tributary.edge.registry.DeviceRegistry;
import io.tributary.edge.status.EdgeMetrics;
import io.tributary.edge.status.StatusServer;
import io.tributary.edge.sync.CatalogSync;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge bridge, wired from its configuration: MQTT in, the offline journal, sync out, status on
 * its own port. The one place that builds the parts; each part takes what it needs in its
 * constructor.
 */
public final class EdgeBridge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeBridge.class);
  private static final int WARNED_KEPT = 1_000;
  private static final String NODE_JOB = "bridge";

  private final String node;
  private final Journal journal;
  private final HybridLogicalClock clock;
  private final EdgeEvents events;
  private final DeviceInput input;
  private final TopicPattern lineageTopic;
  private final TopicPattern statusTopic;
  private final DeviceRegistry registry;
  private final LongSupplier wallClock;
  private final List<TopicPattern> observed;
  private final String deviceProperty;
  private final String mqttNamespace;
  private final String kafkaNamespace;
  private final String kafkaCluster;
  private final TrafficWindows deviceTraffic = new TrafficWindows();
  private final TrafficWindows forwardTraffic = new TrafficWindows();
  private final Map<String, UUID> startedRuns = new ConcurrentHashMap<>();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final long processStart;
  private final Duration window;
  private final EdgeMetrics metrics;
  private final MqttSource mqtt;
  private final CatalogSync sync;
  private final Forwarder forwarder;
  private final ScheduledExecutorService windows;
  private final StatusServer status;
  private long lastWindowEnd;

  private EdgeBridge(Configuration config, LongSupplier wallClock) {
    this.node =
        config
            .find(EdgeSettings.NODE)
            .filter(n -> DeviceInput.DEVICE_ID.matcher(n).matches())
            .orElseThrow(
                () ->
                    new ConfigException(
                        "The bridge needs a node name (--node, edge.node or TRIBUTARY_EDGE_NODE):"
                            + " letters, digits, '.', '_', ':' or '-'"));
    this.metrics = new EdgeMetrics();
    this.processStart = wallClock.getAsLong();
    this.lastWindowEnd = processStart;
    this.window = config.get(EdgeSettings.WINDOW);
    ObjectMapper json = new ObjectMapper();
    Path dir = config.get(EdgeSettings.JOURNAL_DIR);
    this.journal = Journal.open(dir, config.get(EdgeSettings.JOURNAL_MAX_BYTES), wallClock);
    this.clock =
        new HybridLogicalClock(
            wallClock, config.get(EdgeSettings.MAX_DRIFT), journal.lastStamp().orElse(null));
    this.events = new EdgeEvents(json, node);
    this.input =
        new DeviceInput(
            json,
            EventValidator.load(),
            config.get(EdgeSettings.DEVICE_MAX_BYTES),
            new HashSet<>(config.get(EdgeSettings.DEVICES)));
    this.lineageTopic = TopicPattern.of(config.get(EdgeSettings.LINEAGE_TOPIC));
    this.statusTopic = TopicPattern.of(config.get(EdgeSettings.STATUS_TOPIC));
    this.registry = new DeviceRegistry(json);
    this.wallClock = wallClock;
    this.observed = config.get(EdgeSettings.OBSERVE).stream().map(TopicPattern::of).toList();
    this.deviceProperty = config.get(EdgeSettings.DEVICE_PROPERTY);
    String mqttUrl = config.get(EdgeSettings.MQTT_URL);
    this.mqttNamespace = Naming.mqttNamespace(mqttUrl);
    List<ForwardRule> rules =
        config.get(EdgeSettings.FORWARD).stream().map(ForwardRule::parse).toList();
    String bootstrap = config.find(EdgeSettings.KAFKA_BOOTSTRAP).orElse(null);
    if (!rules.isEmpty() && bootstrap == null) {
      journal.close();
      throw new ConfigException(
          "Forwarding rules need edge.kafka.bootstrap-servers (TRIBUTARY_EDGE_KAFKA_BOOTSTRAP_SERVERS)");
    }
    this.kafkaNamespace = bootstrap == null ? null : Naming.kafkaNamespace(bootstrap);
    this.kafkaCluster = config.find(EdgeSettings.KAFKA_CLUSTER).orElse(null);
    this.forwarder =
        rules.isEmpty()
            ? null
            : new Forwarder(
                rules,
                bootstrap,
                "tributary-edge-" + node,
                metrics.counter(
                    "tributary_edge_forward_failures", "Messages Kafka did not take", ""));
    String catalog = config.get(EdgeSettings.CATALOG_URL);
    this.sync =
        new CatalogSync(
            journal,
            events,
            new CatalogSync.Target(
                URI.create(catalog.endsWith("/") ? catalog : catalog + "/"),
                config.find(EdgeSettings.API_KEY).orElse(null),
                config.get(EdgeSettings.SYNC_BATCH),
                config.get(EdgeSettings.SYNC_INTERVAL),
                config.get(EdgeSettings.SYNC_MAX_BACKOFF)),
            json,
            metrics,
            wallClock);
    this.mqtt =
        MqttSource.create(
            new MqttOptions(
                mqttUrl,
                config.get(EdgeSettings.MQTT_VERSION),
                "tributary-edge-" + node,
                config.find(EdgeSettings.MQTT_USERNAME).orElse(null),
                config.find(EdgeSettings.MQTT_PASSWORD).orElse(null),
                dir.resolve("mqtt-session"),
                "tributary/edge/" + node + "/status",
                Duration.ofSeconds(1)));
    registerGauges(wallClock);
    this.windows =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "edge-windows");
              t.setDaemon(true);
              return t;
            });
    this.status =
        StatusServer.start(
            config.get(EdgeSettings.HTTP_HOST),
            config.get(EdgeSettings.HTTP_PORT),
            metrics,
            this::health);
  }

  /** Starts a bridge: status first, then sync, then MQTT (which connects in the background). */
  public static EdgeBridge start(Configuration config) {
    return start(config, System::currentTimeMillis);
  }

  /** As {@link #start(Configuration)} with another wall clock, for tests of drifting clocks. */
  public static EdgeBridge start(Configuration config, LongSupplier wallClock) {
    EdgeBridge bridge = new EdgeBridge(config, wallClock);
    bridge.sync.start();
    long period = bridge.window.toMillis();
    bridge.windows.scheduleAtFixedRate(
        bridge::closeWindowSafely, period, period, TimeUnit.MILLISECONDS);
    bridge.mqtt.start(bridge.filters(), bridge::onMessage);
    LOG.info(
        "edge: node {} started; journal backlog {} events; status on port {}",
        bridge.node,
        bridge.journal.backlog(),
        bridge.status.port());
    return bridge;
  }

  private List<String> filters() {
    Set<String> filters = new LinkedHashSet<>();
    filters.add(lineageTopic.filter());
    filters.add(statusTopic.filter());
    observed.forEach(p -> filters.add(p.filter()));
    if (forwarder != null) {
      forwarder.rules().forEach(r -> filters.add(r.filter()));
    }
    return new ArrayList<>(filters);
  }

  private void registerGauges(LongSupplier wallClock) {
    metrics.gauge(
        "tributary_edge_journal_backlog", "Events waiting for the catalog", journal::backlog);
    metrics.gauge("tributary_edge_journal_bytes", "Bytes of the events waiting", journal::bytes);
    metrics.gauge(
        "tributary_edge_oldest_unsynced_age_seconds",
        "Age of the oldest event waiting for the catalog",
        () ->
            journal.oldestJournaledAt().map(t -> (wallClock.getAsLong() - t) / 1000.0).orElse(0.0));
    metrics.gauge(
        "tributary_edge_mqtt_connected",
        "1 while the broker connection is up",
        () -> mqtt.connected() ? 1 : 0);
    java.lang.management.MemoryMXBean memory =
        java.lang.management.ManagementFactory.getMemoryMXBean();
    metrics.gauge(
        "tributary_edge_jvm_heap_used_bytes",
        "Heap in use",
        () -> memory.getHeapMemoryUsage().getUsed());
    metrics.counter(
        "tributary_edge_journal_dropped",
        "RUNNING snapshots dropped to keep the journal's bound",
        "");
  }

  /** Every message of every subscription; never throws but for a journal that cannot write. */
  private void onMessage(String topic, byte[] payload, Map<String, String> properties) {
    try {
      Optional<String> lineageDevice = lineageTopic.deviceId(topic);
      if (lineageDevice.isPresent()) {
        count("tributary_edge_messages", "kind=\"lineage\"");
        deviceEvent(lineageDevice.get(), payload);
        return;
      }
      Optional<String> statusDevice = statusTopic.deviceId(topic);
      if (statusDevice.isPresent()) {
        deviceStatus(statusDevice.get(), payload);
        return;
      }
      observe(topic, payload, properties);
      if (forwarder != null) {
        for (ForwardRule rule : forwarder.forward(topic, payload)) {
          forwardTraffic.record(rule.name(), topic, payload.length);
        }
      }
    } catch (JournalException e) {
      // Not acknowledged: the broker redelivers the message once the journal writes again.
      throw e;
    } catch (RuntimeException e) {
      refuse("?", "internal", e.toString());
    }
  }

  private void deviceStatus(String device, byte[] payload) {
    if (!input.knownDevice(device)) {
      refuse(device, DeviceInput.Reason.UNKNOWN_DEVICE.label(), "status message");
    } else if (!registry.status(device, payload, Instant.ofEpochMilli(wallClock.getAsLong()))) {
      refuse(
          device, DeviceInput.Reason.NOT_JSON.label(), "status neither online, offline nor JSON");
    } else {
      count("tributary_edge_messages", "kind=\"status\"");
    }
  }

  private void observe(String topic, byte[] payload, Map<String, String> properties) {
    for (TopicPattern pattern : observed) {
      Optional<String> device = pattern.deviceId(topic);
      if (device.isEmpty()) {
        continue;
      }
      String id = properties.getOrDefault(deviceProperty, device.get());
      if (!input.knownDevice(id)) {
        refuse(id, DeviceInput.Reason.UNKNOWN_DEVICE.label(), "on topic " + topic);
        return;
      }
      count("tributary_edge_messages", "kind=\"observed\"");
      deviceTraffic.record(id, topic, payload.length);
      registry.seen(id, Instant.ofEpochMilli(wallClock.getAsLong()));
      return;
    }
  }

  private void deviceEvent(String device, byte[] payload) {
    DeviceInput.Outcome outcome = input.check(device, payload);
    if (!outcome.accepted()) {
      refuse(device, outcome.refused().label(), outcome.detail());
      return;
    }
    synchronized (clock) {
      HybridLogicalClock.Observation seen = clock.observe(outcome.deviceTime().toEpochMilli());
      if (!seen.observed()) {
        count("tributary_edge_clock_skewed", "");
      }
      ObjectNode event = events.stampDeviceEvent(outcome.event(), device, seen.stamp());
      append(
          device,
          event.path("eventType").asText(),
          seen.stamp(),
          events.text(event),
          digest(device, payload));
    }
  }

  private void append(
      String device, String eventType, io.tributary.edge.clock.HlcStamp stamp, String body) {
    append(device, eventType, stamp, body, null);
  }

  private void append(
      String device,
      String eventType,
      io.tributary.edge.clock.HlcStamp stamp,
      String body,
      String key) {
    Journal.Appended appended = journal.append(device, eventType, stamp, body, key);
    if (appended.duplicate()) {
      count("tributary_edge_redelivered_messages", "");
      return;
    }
    if (appended.droppedForRoom() > 0) {
      metrics
          .counter(
              "tributary_edge_journal_dropped",
              "RUNNING snapshots dropped to keep the journal's bound",
              "")
          .add(appended.droppedForRoom());
    }
    if (appended.journaled()) {
      count("tributary_edge_events_journaled", "");
      sync.wake();
    }
  }

  /** A device's message's identity: the broker redelivers the same bytes. */
  private static String digest(String device, byte[] payload) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(device.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return java.util.HexFormat.of().formatHex(sha.digest(payload));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void refuse(String device, String reason, String detail) {
    count("tributary_edge_bad_input", "reason=\"" + reason + "\"");
    String key = device + "\n" + reason;
    if (warned.size() < WARNED_KEPT && warned.add(key)) {
      LOG.warn(
          "edge: refused input from device {} ({}): {}; further ones are only counted",
          device,
          reason,
          detail);
    } else {
      LOG.debug("edge: refused input from device {} ({}): {}", device, reason, detail);
    }
  }

  private void count(String name, String labels) {
    metrics.counter(name, name.replace('_', ' '), labels).increment();
  }

  private void closeWindowSafely() {
    try {
      closeWindow(false);
    } catch (RuntimeException e) {
      LOG.warn("edge: window report failed: {}", e.toString());
    }
  }

  /**
   * Reports the window: per device with traffic or a changed state, per forwarding rule with
   * traffic, and the bridge itself, START for a job first seen, then a RUNNING snapshot. The last
   * window completes every run instead.
   */
  void closeWindow(boolean last) {
    synchronized (clock) {
      long now = clock.now().physicalTime();
      Duration length = Duration.ofMillis(Math.max(1, now - lastWindowEnd));
      lastWindowEnd = now;
      Map<String, Map<String, TrafficWindows.Counts>> traffic = deviceTraffic.close();
      Set<String> devices = new TreeSet<>(traffic.keySet());
      if (!last) {
        // A device whose state changed is reported even without traffic, but not while stopping.
        devices.addAll(registry.takeChanged());
      }
      for (String device : devices) {
        report(
            Naming.deviceJob(device),
            device,
            List.of(),
            TrafficWindows.traffic(mqttNamespace, traffic.getOrDefault(device, Map.of())),
            length,
            events.deviceJobFacets(registry.info(device)));
      }
      forwardTraffic.close().forEach((rule, topics) -> reportForward(rule, topics, length));
      if (last) {
        for (Map.Entry<String, UUID> run : startedRuns.entrySet()) {
          EdgeEvents.RunReport complete =
              new EdgeEvents.RunReport(
                  run.getKey(), run.getValue(), "COMPLETE", List.of(), List.of(), length, null);
          var stamp = clock.now();
          append(
              deviceOf(run.getKey()),
              "COMPLETE",
              stamp,
              events.text(events.report(complete, stamp, deviceOf(run.getKey()))));
        }
      } else {
        report(NODE_JOB, node, List.of(), List.of(), length, events.nodeJobFacets(nodeStatus()));
      }
    }
  }

  private void reportForward(
      String rule, Map<String, TrafficWindows.Counts> topics, Duration length) {
    ForwardRule r =
        forwarder.rules().stream().filter(x -> x.name().equals(rule)).findFirst().orElseThrow();
    long messages = topics.values().stream().mapToLong(TrafficWindows.Counts::messages).sum();
    long bytes = topics.values().stream().mapToLong(TrafficWindows.Counts::bytes).sum();
    report(
        Naming.forwardJob(rule),
        node,
        TrafficWindows.traffic(mqttNamespace, topics),
        List.of(
            new EdgeEvents.TopicTraffic(
                kafkaNamespace, r.kafkaTopic(), messages, bytes, kafkaCluster)),
        length,
        null);
  }

  private String deviceOf(String job) {
    return job.startsWith("device/") ? job.substring("device/".length()) : node;
  }

  private void report(
      String job,
      String device,
      List<EdgeEvents.TopicTraffic> inputs,
      List<EdgeEvents.TopicTraffic> outputs,
      Duration length,
      ObjectNode jobFacets) {
    UUID runId = startedRuns.get(job);
    if (runId == null) {
      runId = events.runId(job, processStart);
      startedRuns.put(job, runId);
      var stamp = clock.now();
      var start = new EdgeEvents.RunReport(job, runId, "START", inputs, outputs, length, jobFacets);
      append(device, "START", stamp, events.text(events.report(start, stamp, device)));
    }
    var stamp = clock.now();
    var running =
        new EdgeEvents.RunReport(job, runId, "RUNNING", inputs, outputs, length, jobFacets);
    append(device, "RUNNING", stamp, events.text(events.report(running, stamp, device)));
  }

  private EdgeEvents.NodeStatus nodeStatus() {
    long now = wallClock.getAsLong();
    return new EdgeEvents.NodeStatus(
        journal.backlog(),
        journal.oldestJournaledAt().map(t -> Math.max(0, now - t) / 1000.0).orElse(0.0),
        sync.lastSync() == 0 ? null : Instant.ofEpochMilli(sync.lastSync()),
        mqtt.connected(),
        metrics.count("tributary_edge_journal_dropped", ""));
  }

  private StatusServer.Health health() {
    boolean up = mqtt.connected();
    long now = System.currentTimeMillis();
    String json =
        "{\"status\":\""
            + (up ? "UP" : "DEGRADED")
            + "\",\"node\":\""
            + node
            + "\",\"mqttConnected\":"
            + up
            + ",\"catalogReachable\":"
            + sync.catalogReachable()
            + ",\"backlog\":"
            + journal.backlog()
            + ",\"journalBytes\":"
            + journal.bytes()
            + ",\"oldestUnsyncedSeconds\":"
            + journal.oldestJournaledAt().map(t -> (now - t) / 1000).orElse(0L)
            + ",\"lastSync\":"
            + (sync.lastSync() == 0
                ? "null"
                : "\"" + java.time.Instant.ofEpochMilli(sync.lastSync()) + "\"")
            + ",\"dropped\":"
            + metrics.count("tributary_edge_journal_dropped", "")
            + "}";
    return new StatusServer.Health(up, json);
  }

  /**
   * Gives a reachable catalog a moment to take the last window's events; the journal keeps the
   * rest.
   */
  private void drain(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (journal.backlog() > 0 && sync.catalogReachable() && System.nanoTime() < deadline) {
      sync.wake();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  public int statusPort() {
    return status.port();
  }

  public EdgeMetrics metrics() {
    return metrics;
  }

  public Journal journal() {
    return journal;
  }

  public boolean mqttConnected() {
    return mqtt.connected();
  }

  /** Reports the last window and completes the runs, then stops MQTT, sync, status and journal. */
  @Override
  public void close() {
    mqtt.close();
    windows.shutdownNow();
    try {
      closeWindow(true);
    } catch (RuntimeException e) {
      LOG.warn("edge: last window report failed: {}", e.toString());
    }
    if (forwarder != null) {
      forwarder.close();
    }
    drain(Duration.ofSeconds(5));
    sync.close();
    status.close();
    journal.close();
    LOG.info("edge: node {} stopped", node);
  }
}

package io.tributary.demo.edge;

import io.tributary.edge.device.DeviceClient;
import io.tributary.edge.device.DeviceEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plant sensors: plain devices publishing temperature readings to {@code
 * sensors/<device>/temperature}, and one smart chiller that also reports its own lineage through
 * the device client. Now and then a reading runs hot, which the sensor alerts app flags.
 */
final class SimulatedSensors implements AutoCloseable {
  static final List<String> PLAIN = List.of("pump-1", "pump-2", "boiler-1");
  static final String SMART = "chiller-1";
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedSensors.class);

  private final List<MqttClient> clients = new ArrayList<>();
  private final DeviceClient chiller;
  private final DeviceEvents chillerEvents;
  private final ScheduledExecutorService timer;
  private final String mqttNamespace;
  private long chillerReadings;

  private SimulatedSensors(String brokerUrl, String mqttNamespace) throws MqttException {
    this.mqttNamespace = mqttNamespace;
    for (String device : PLAIN) {
      MqttClient client = new MqttClient(brokerUrl, device, new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setAutomaticReconnect(true);
      client.connect(options);
      String status =
          String.format(
              Locale.ROOT,
              "{\"state\":\"online\",\"model\":\"TS-%d\",\"firmware\":\"1.%d.0\",\"location\":\"hall %d\"}",
              100 + clients.size(),
              clients.size() + 2,
              clients.size() + 1);
      client.publish(
          DeviceClient.statusTopic(device), status.getBytes(StandardCharsets.UTF_8), 1, true);
      clients.add(client);
    }
    chillerEvents = new DeviceEvents(SMART, "devices://demo-plant", UUID.randomUUID());
    chiller = DeviceClient.connect(brokerUrl, SMART, chillerEvents);
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "demo-sensors");
              t.setDaemon(true);
              return t;
            });
  }

  static SimulatedSensors start(String brokerUrl, String mqttNamespace, long reportMillis)
      throws MqttException {
    SimulatedSensors sensors = new SimulatedSensors(brokerUrl, mqttNamespace);
    sensors.chiller.report("START", sensors.outputs(0));
    sensors.timer.scheduleAtFixedRate(sensors::readAll, 200, 500, TimeUnit.MILLISECONDS);
    sensors.timer.scheduleAtFixedRate(
        sensors::reportChiller, reportMillis, reportMillis, TimeUnit.MILLISECONDS);
    return sensors;
  }

  private List<DeviceEvents.Output> outputs(long readings) {
    return List.of(
        new DeviceEvents.Output(
            mqttNamespace, "sensors/" + SMART + "/temperature", readings, readings * 40));
  }

  private void readAll() {
    try {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (MqttClient client : clients) {
        double celsius = 60 + random.nextGaussian() * 8;
        publish(client, client.getClientId(), celsius);
      }
      String reading =
          String.format(
              Locale.ROOT,
              "{\"device\":\"%s\",\"celsius\":%.1f}",
              SMART,
              6 + random.nextGaussian());
      chiller.publishData(
          "sensors/" + SMART + "/temperature", reading.getBytes(StandardCharsets.UTF_8));
      synchronized (this) {
        chillerReadings++;
      }
    } catch (MqttException | RuntimeException e) {
      LOG.debug("demo: sensor reading not published: {}", e.toString());
    }
  }

  private static void publish(MqttClient client, String device, double celsius)
      throws MqttException {
    String reading =
        String.format(
            Locale.ROOT,
            "{\"device\":\"%s\",\"celsius\":%.1f,\"ts\":%d}",
            device,
            celsius,
            System.currentTimeMillis());
    client.publish(
        "sensors/" + device + "/temperature", reading.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  private void reportChiller() {
    long readings;
    synchronized (this) {
      readings = chillerReadings;
      chillerReadings = 0;
    }
    try {
      chiller.report("RUNNING", outputs(readings));
    } catch (MqttException | RuntimeException e) {
      LOG.debug("demo: chiller lineage not published: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      chiller.report("COMPLETE", outputs(0));
      chiller.close();
    } catch (MqttException e) {
      LOG.debug("demo: chiller close: {}", e.toString());
    }
    for (MqttClient client : clients) {
      try {
        client.disconnect();
        client.close();
      } catch (MqttException e) {
        LOG.debug("demo: sensor close: {}", e.toString());
      }
    }
  }
}

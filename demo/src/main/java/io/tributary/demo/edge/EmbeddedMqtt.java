package io.tributary.demo.edge;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.util.Properties;

/** An in-process MQTT 3.1.1 broker (Moquette) for the demo's devices, in memory. */
final class EmbeddedMqtt implements AutoCloseable {
  private final Server server;
  private final int port;

  private EmbeddedMqtt(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  static EmbeddedMqtt start(int port) throws IOException {
    Properties p = new Properties();
    // Moquette's configuration keys (its constants for them are deprecated).
    p.setProperty("host", "127.0.0.1");
    p.setProperty("port", Integer.toString(port));
    p.setProperty("websocket_port", "disabled");
    p.setProperty("allow_anonymous", "true");
    p.setProperty("persistence_enabled", "false");
    p.setProperty("telemetry_enabled", "false");
    Server server = new Server();
    server.startServer(new MemoryConfig(p));
    return new EmbeddedMqtt(server, port);
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.stopServer();
  }
}

package io.tributary.edge.cli;

import io.tributary.config.ConfigException;
import io.tributary.config.ConfigLoader;
import io.tributary.config.Configuration;
import io.tributary.config.Flags;
import io.tributary.edge.EdgeBridge;
import io.tributary.edge.EdgeSettings;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar tributary-edge.jar}: runs the edge bridge until SIGTERM or Ctrl-C. */
@Command(
    name = "tributary-edge",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the edge bridge: MQTT in, offline journal, sync to the catalog. Every option can also"
          + " come from the config file (Java properties) or the environment"
          + " (TRIBUTARY_EDGE_NODE, ...); flags win."
    })
public final class EdgeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--mqtt", paramLabel = "URL", description = "MQTT broker (edge.mqtt.url)")
  String mqtt;

  @Option(names = "--catalog", paramLabel = "URL", description = "Catalog (edge.catalog.url)")
  String catalog;

  @Option(
      names = "--journal",
      paramLabel = "DIR",
      description = "Journal directory (edge.journal.dir)")
  String journal;

  @Option(names = "--node", paramLabel = "NAME", description = "This bridge's name (edge.node)")
  String node;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description = "API key of one tenant (edge.api-key)")
  String apiKey;

  @Option(
      names = "--journal-max-bytes",
      paramLabel = "SIZE",
      description = "Journal bound, e.g. 256MiB (edge.journal.max-bytes)")
  String journalMaxBytes;

  @Option(
      names = "--http-port",
      paramLabel = "N",
      description = "/metrics and /health port (edge.http.port)")
  String httpPort;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file (Java properties)")
  String configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Any key, e.g. --set edge.observe.window=10s")
  Map<String, String> set = new LinkedHashMap<>();

  private final Map<String, String> environment;

  public EdgeCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new EdgeCommand(System.getenv()));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          if (e instanceof ConfigException) {
            commandLine.getErr().println("tributary-edge: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    System.exit(cli.execute(args));
  }

  /** The configuration the flags, the file and the environment give. */
  Configuration configuration() {
    Flags flags =
        Flags.of(set)
            .with(EdgeSettings.MQTT_URL, mqtt)
            .with(EdgeSettings.CATALOG_URL, catalog)
            .with(EdgeSettings.JOURNAL_DIR, journal)
            .with(EdgeSettings.NODE, node)
            .with(EdgeSettings.API_KEY, apiKey)
            .with(EdgeSettings.JOURNAL_MAX_BYTES, journalMaxBytes)
            .with(EdgeSettings.HTTP_PORT, httpPort)
            .with(ConfigLoader.CONFIG_FILE, configFile);
    return new ConfigLoader(EdgeSettings.ALL, environment).load(flags.toMap());
  }

  @Override
  public Integer call() throws InterruptedException {
    EdgeBridge bridge = EdgeBridge.start(configuration());
    CountDownLatch stopped = new CountDownLatch(1);
    PrintWriter out = spec.commandLine().getOut();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  bridge.close();
                  stopped.countDown();
                },
                "edge-shutdown"));
    out.println(
        "Tributary edge bridge is running; /metrics and /health on port "
            + bridge.statusPort()
            + ". Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }
}

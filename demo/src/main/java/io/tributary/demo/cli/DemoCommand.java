package io.tributary.demo.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.tributary.catalog.CatalogException;
import io.tributary.catalog.CatalogUnavailableException;
import io.tributary.cli.Tributary;
import io.tributary.demo.AlertNotifier;
import io.tributary.demo.Demo;
import io.tributary.demo.DemoSettings;
import io.tributary.demo.LargeOrderAlerts;
import io.tributary.demo.OrderEnricher;
import io.tributary.demo.OrderService;
import io.tributary.demo.Topics;
import io.tributary.server.ServerStartException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code tributary-demo.jar}: the catalog, a Kafka broker and a live pipeline, until
 * Ctrl-C.
 *
 * <p>Exit codes as {@link Tributary}'s: 0 stopped, 1 failed, 2 bad usage, 3 unavailable (a port
 * taken, the data directory in use).
 */
@Command(
    name = "tributary-demo",
    mixinStandardHelpOptions = true,
    versionProvider = DemoCommand.Version.class,
    description = {
      "Runs the catalog with an in-process Kafka broker and a live pipeline (a producer, a Kafka"
          + " Streams app, a Flink job, a consumer) that sends its lineage to it. Ctrl-C stops"
          + " everything; the data directory keeps the catalog and the broker's log for the next"
          + " start."
    })
public final class DemoCommand implements Callable<Integer> {
  // Engines that log every start-up step at INFO, and Flink that warns about what a MiniCluster
  // lacks (log files, delegation tokens) and about its Kafka sink's metric names at every
  // checkpoint, and the MQTT broker that logs every packet of the simulated sensors at INFO: the
  // demo prints what matters itself.
  private static final Map<String, Level> CHATTY =
      Map.of(
          "kafka", Level.WARN,
          "state.change.logger", Level.WARN,
          "org.apache.flink", Level.ERROR,
          "org.apache.pekko", Level.WARN,
          "io.moquette", Level.WARN);

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "HTTP port of the catalog (0: any free port; default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "./tributary-data",
      description =
          "Data directory of the catalog, the broker and Kafka Streams (default"
              + " ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(
      names = "--kafka-port",
      paramLabel = "N",
      defaultValue = "9092",
      description = "Client port of the Kafka broker (0: any free port; default ${DEFAULT-VALUE})")
  int kafkaPort;

  @Option(
      names = "--interval",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description =
          "Seconds between the applications' RUNNING snapshots (default ${DEFAULT-VALUE})")
  int intervalSeconds;

  @Option(
      names = "--rate",
      paramLabel = "N",
      defaultValue = "5",
      description = "Orders per second the producer places (default ${DEFAULT-VALUE})")
  int rate;

  /**
   * Runs the demo. {@code demo} as the first argument is accepted and skipped, as the demo was
   * started with {@code tributary demo} before it had its own jar.
   */
  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line; returns the exit code. */
  static int execute(String[] args, PrintWriter out, PrintWriter err) {
    String[] options =
        args.length > 0 && args[0].equals("demo") ? Arrays.copyOfRange(args, 1, args.length) : args;
    CommandLine cli = new CommandLine(new DemoCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("tributary: " + e.getMessage());
          if (e instanceof CatalogUnavailableException || e instanceof ServerStartException) {
            return Tributary.UNAVAILABLE;
          }
          if (e instanceof CatalogException) {
            return Tributary.FAILED;
          }
          e.printStackTrace(commandLine.getErr());
          return Tributary.FAILED;
        });
    return cli.execute(options);
  }

  @Override
  public Integer call() throws Exception {
    DemoSettings settings;
    try {
      settings =
          new DemoSettings(port, dataDir, kafkaPort, Duration.ofSeconds(intervalSeconds), rate);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    quietEngines();
    PrintWriter out = spec.commandLine().getOut();
    out.println("Starting the catalog, a Kafka broker and the demo pipeline ...");
    out.flush();
    Demo demo = Demo.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  demo.close();
                  stopped.countDown();
                },
                "tributary-demo-shutdown"));
    out.println();
    out.println("Tributary demo is ready: open " + demo.uri());
    out.println(
        "  Kafka at "
            + demo.kafkaBootstrapServers()
            + ": "
            + OrderService.JOB
            + " -> "
            + Topics.ORDERS
            + " -> "
            + OrderEnricher.JOB
            + " (Kafka Streams) -> "
            + Topics.ENRICHED
            + " -> "
            + LargeOrderAlerts.JOB
            + " (Flink) -> "
            + Topics.ALERTS
            + " -> "
            + AlertNotifier.JOB);
    out.println(
        "  Lineage appears within "
            + intervalSeconds
            + " s and refreshes every "
            + intervalSeconds
            + " s. Data in "
            + settings.dataDir().toAbsolutePath().normalize()
            + ". Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }

  private static void quietEngines() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      CHATTY.forEach((name, level) -> logback.getLogger(name).setLevel(level));
    }
  }

  /** The version from the jar's manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = DemoCommand.class.getPackage().getImplementationVersion();
      return new String[] {"tributary-demo " + (v == null ? "(development build)" : v)};
    }
  }
}

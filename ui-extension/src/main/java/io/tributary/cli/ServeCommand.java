package io.tributary.cli;

import io.tributary.catalog.CatalogSettings;
import io.tributary.config.ConfigLoader;
import io.tributary.config.Configuration;
import io.tributary.config.Flags;
import io.tributary.server.CatalogServer;
import io.tributary.server.ServerSettings;
import io.tributary.server.Settings;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tributary serve}: runs the catalog server until SIGTERM or Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the catalog server. Every option can also come from the environment"
          + " (TRIBUTARY_SERVER_PORT, ...) or the config file; flags win."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand Tributary parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (server.port; 0: any free port)")
  String port;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "Listen address (server.host)")
  String host;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (data.dir)")
  String dataDir;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file, YAML or properties")
  String configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Any configuration key, e.g. --set ingest.batch.max=512")
  Map<String, String> set = new LinkedHashMap<>();

  @Override
  public Integer call() throws InterruptedException {
    // One log stream: Grizzly's and Jersey's java.util.logging records go through logback too.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Flags flags =
        Flags.of(set)
            .with(ServerSettings.PORT, port)
            .with(ServerSettings.HOST, host)
            .with(ServerSettings.DATA_DIR, dataDir)
            .with(ConfigLoader.CONFIG_FILE, configFile);
    Configuration config = Settings.loader(parent.environment()).load(flags.toMap());

    CatalogServer server = CatalogServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    PrintWriter out = spec.commandLine().getOut();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // Printed, not logged: the logging frameworks stop in their own shutdown hooks.
                  out.println("Tributary is stopping: finishing requests, committing the queue...");
                  out.flush();
                  server.close();
                  out.println("Tributary stopped.");
                  out.flush();
                  stopped.countDown();
                },
                "tributary-shutdown"));
    String storage =
        config.get(CatalogSettings.BACKEND).equals(CatalogSettings.BACKEND_BERKELEYJE)
            ? " in " + config.get(ServerSettings.DATA_DIR).toAbsolutePath().normalize()
            : "";
    out.println(
        "Tributary is ready at "
            + server.uri()
            + " (catalog: "
            + config.get(CatalogSettings.BACKEND)
            + storage
            + "). Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }
}

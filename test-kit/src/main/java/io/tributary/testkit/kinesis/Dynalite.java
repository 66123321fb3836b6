package io.tributary.testkit.kinesis;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real DynamoDB API server for tests: {@code dynalite} (npm), in memory, started as a child
 * process on a free loopback port and stopped with the test. The Kinesis Client Library keeps its
 * leases there. It must be installed ({@code npm install -g dynalite}, as {@code .ci/run} does); a
 * missing server fails the test, naming the command.
 */
public final class Dynalite implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path workDir;

  private Dynalite(Process process, int port, Path workDir) {
    this.process = process;
    this.port = port;
    this.workDir = workDir;
  }

  /** Starts the server; its tables are active as soon as they are created. */
  public static Dynalite start() throws IOException {
    Path main =
        NodeServers.executable("dynalite")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "dynalite is not installed: run `npm install -g dynalite@4.0.0`"
                            + " (.ci/run installs it)"));
    Path workDir = Files.createTempDirectory("dynalite");
    int port = NodeServers.freePort();
    Process process =
        new ProcessBuilder(
                "node",
                main.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--createTableMs",
                "0",
                "--updateTableMs",
                "0",
                "--deleteTableMs",
                "0")
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("server.log").toFile())
            .start();
    Dynalite server = new Dynalite(process, port, workDir);
    NodeServers.awaitStarted(process, port, workDir, "dynalite", server);
    return server;
  }

  /** The endpoint, for {@code endpointOverride} of a DynamoDB client. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    NodeServers.stop(process, workDir);
  }
}

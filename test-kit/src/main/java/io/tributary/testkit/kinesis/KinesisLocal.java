package io.tributary.testkit.kinesis;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Kinesis API server for tests: {@code kinesis-local} (npm), started as a child process on a
 * free loopback port and stopped with the test. It must be installed ({@code npm install -g
 * kinesis-local}, as {@code .ci/run} does); a missing server fails the test, naming the command.
 */
public final class KinesisLocal implements AutoCloseable {
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT = "000000000000";

  private final Process process;
  private final int port;
  private final int tlsPort;
  private final Path workDir;

  private KinesisLocal(Process process, int port, int tlsPort, Path workDir) {
    this.process = process;
    this.port = port;
    this.tlsPort = tlsPort;
    this.workDir = workDir;
  }

  /**
   * Starts the server with streams already created.
   *
   * @param streams stream names, one shard each
   */
  public static KinesisLocal start(String... streams) throws IOException {
    Path main =
        NodeServers.executable("kinesis-local")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "kinesis-local is not installed: run `npm install -g kinesis-local@0.6.2`"
                            + " (.ci/run installs it)"));
    Path workDir = Files.createTempDirectory("kinesis-local");
    int port = NodeServers.freePort();
    int tlsPort = NodeServers.freePort();
    ProcessBuilder builder =
        new ProcessBuilder("node", main.toString())
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("server.log").toFile());
    var env = builder.environment();
    env.put("KINESIS_MOCK_PLAIN_PORT", String.valueOf(port));
    env.put("KINESIS_MOCK_TLS_PORT", String.valueOf(tlsPort));
    env.put("KINESIS_MOCK_CERT_PATH", main.resolveSibling("server.json").toString());
    env.put("AWS_REGION", REGION);
    env.put("AWS_ACCOUNT_ID", ACCOUNT);
    env.put("SHOULD_PERSIST_DATA", "false");
    env.put("LOG_LEVEL", "WARN");
    env.put(
        "INITIALIZE_STREAMS",
        String.join(",", streams.length == 0 ? new String[0] : withShards(streams)));
    Process process = builder.start();
    KinesisLocal server = new KinesisLocal(process, port, tlsPort, workDir);
    NodeServers.awaitStarted(process, port, workDir, "kinesis-local", server);
    return server;
  }

  private static String[] withShards(String[] streams) {
    String[] out = new String[streams.length];
    for (int i = 0; i < streams.length; i++) {
      out[i] = streams[i] + ":1:" + REGION;
    }
    return out;
  }

  /** The plain-HTTP endpoint, for {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * The TLS endpoint (a self-signed certificate), which also speaks HTTP/2: for {@code
   * SubscribeToShard}'s event stream, with an async client that trusts all certificates.
   */
  public URI tlsEndpoint() {
    return URI.create("https://127.0.0.1:" + tlsPort);
  }

  /** The ARN of a stream on this server. */
  public static String arn(String stream) {
    return "arn:aws:kinesis:" + REGION + ":" + ACCOUNT + ":stream/" + stream;
  }

  @Override
  public void close() {
    NodeServers.stop(process, workDir);
  }
}

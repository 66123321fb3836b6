package io.tributary.server;

import io.tributary.config.ConfigDef;
import io.tributary.config.ConfigLoader;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The configuration keys of the catalog server itself: where it listens, its data, its HTTP API.
 */
public final class ServerSettings {
  public static final Setting<String> HOST =
      Setting.of(
          "server.host",
          ValueType.string(),
          "0.0.0.0",
          "The address the HTTP server listens on; `127.0.0.1` keeps it local to this machine."
              + " While authentication is off (no `auth.users-file`, no `auth.jwt.issuer`) the"
              + " server listens on `127.0.0.1` whatever this says.");

  public static final Setting<Integer> PORT =
      Setting.of(
          "server.port",
          ValueType.integer(0, 65535),
          8080,
          "The HTTP port; 0 picks a free port (the server prints the one it took).");

  public static final Setting<Path> DATA_DIR =
      Setting.of(
          "data.dir",
          ValueType.path(),
          Path.of("./tributary-data"),
          "Where the embedded catalog keeps its files, and where tenants (`tenants.json`),"
              + " policy files and the policy cache live. One server at a time may use a data"
              + " directory. With `embedded-inmemory` and no `data.dir`, tenants and policies"
              + " live in a temporary directory removed at exit.");

  public static final Setting<Long> MAX_BODY_BYTES =
      Setting.of(
          "ingest.max-body-bytes",
          ValueType.bytes(1024, 1024L * 1024 * 1024),
          5L * 1024 * 1024,
          "The largest request body the ingest endpoints read, counted after gzip"
              + " decompression; larger requests get 413.");

  public static final Setting<String> INGEST_API_KEY =
      Setting.of(
              "ingest.api-key",
              ValueType.string(),
              null,
              "While authentication is off (no `auth.users-file` or `auth.jwt.issuer`), the"
                  + " ingest endpoints require `Authorization: Bearer <key>` (what OpenLineage's"
                  + " `api_key` auth sends) when this is set. With authentication on it is refused:"
                  + " issue an API key in the users file instead.")
          .asSecret();

  public static final Setting<Duration> FEED_HEARTBEAT =
      Setting.of(
          "feed.heartbeat-interval",
          ValueType.duration(Duration.ofMillis(100), Duration.ofMinutes(10)),
          Duration.ofSeconds(15),
          "How often an idle change-feed stream sends a comment, which keeps proxies from"
              + " closing it and finds closed connections.");

  public static final Setting<Boolean> METRICS_PUBLIC =
      Setting.of(
          "auth.metrics-public",
          ValueType.bool(),
          false,
          "Whether `/metrics` answers without credentials when authentication is on. Off by"
              + " default: the meters name topics and tenants; Prometheus can send an API key"
              + " (`authorization: {credentials: trb_...}`). `/health` and the web UI's files"
              + " never need credentials.");

  public static final ConfigDef ALL =
      ConfigDef.of(
          ConfigLoader.CONFIG_FILE,
          HOST,
          PORT,
          DATA_DIR,
          MAX_BODY_BYTES,
          INGEST_API_KEY,
          FEED_HEARTBEAT,
          METRICS_PUBLIC);

  private ServerSettings() {}
}

package io.tributary.emitters.testing;

import java.util.HashMap;
import java.util.Map;

/** The lineage keys the integration tests give every client. */
public final class ClientLineage {
  private ClientLineage() {}

  /**
   * A job in namespace {@code apps} with snapshots every second and no shutdown hook, plus {@code
   * extra}.
   *
   * @return a mutable map
   */
  public static Map<String, Object> config(String job, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>();
    config.put("openlineage.job.name", job);
    config.put("openlineage.namespace", "apps");
    config.put("openlineage.snapshot.interval.ms", "1000");
    config.put("openlineage.abort.on.jvm.exit", "false");
    config.putAll(extra);
    return config;
  }

  /** The http transport to {@code endpoint}, for tenant {@code tenant}. */
  public static Map<String, Object> http(LineageEndpoint endpoint, String tenant) {
    return Map.of(
        "openlineage.transport.type",
        "http",
        "openlineage.transport.url",
        endpoint.url(),
        "openlineage.transport.endpoint",
        LineageEndpoint.PATH,
        "openlineage.tenant",
        tenant);
  }
}

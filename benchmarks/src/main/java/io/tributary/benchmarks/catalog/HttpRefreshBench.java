package io.tributary.benchmarks.catalog;

import io.tributary.config.ConfigLoader;
import io.tributary.server.CatalogServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RUNNING refreshes of a started streaming estate through {@code POST /api/v1/lineage}, alone: the
 * HTTP figure of {@link IngestBench} without the others, for profiling the request path.
 *
 * <p>Usage: {@code HttpRefreshBench [jobs] [refreshes] [clients] [rounds]}.
 */
public final class HttpRefreshBench {
  private HttpRefreshBench() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int refreshes = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Path dir = Files.createTempDirectory("bench-refresh");
    try (CatalogServer server =
        CatalogServer.start(
            new ConfigLoader(Map.of())
                .load(Map.of("server.port", "0", "data.dir", dir.toString())))) {
      HttpLoad load = new HttpLoad(server.uri(), clients);
      List<String> starts = new ArrayList<>();
      for (int j = 0; j < jobs; j++) {
        starts.add(StreamingEstate.start(j, j));
      }
      System.out.printf("START through HTTP: %s%n", load.closedLoop(starts).describe());
      long seq = 1_000_000;
      for (int round = 1; round <= rounds; round++) {
        List<String> events = new ArrayList<>(refreshes);
        for (int i = 0; i < refreshes; i++) {
          events.add(StreamingEstate.running(i % jobs, seq + i));
        }
        seq += refreshes;
        Map<String, Long> before = ThreadCpu.byGroup();
        HttpLoad.Result result = load.closedLoop(events);
        Map<String, Long> after = ThreadCpu.byGroup();
        System.out.printf(
            "round %d: RUNNING refreshes, %d clients: %s; CPU per refresh, ms: %s%n",
            round, clients, result.describe(), ThreadCpu.perEvent(before, after, refreshes));
      }
    } finally {
      IngestBench.deleteRecursively(dir);
    }
  }
}

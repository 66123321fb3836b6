package io.tributary.emitters.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a job's state and checkpoint counts from the JobManager's REST API ({@code /jobs/<id>} and
 * {@code /jobs/<id>/checkpoints}). Best effort: when the API is not reachable the figures are
 * simply absent.
 */
final class CheckpointStats {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStats.class);
  static final CheckpointStats NONE = new CheckpointStats(null, null);

  private final String restUrl;
  private final String jobId;
  private final ObjectMapper json = new ObjectMapper();
  private HttpClient client;

  CheckpointStats(String restUrl, String jobId) {
    this.restUrl = restUrl;
    this.jobId = jobId;
  }

  /** The figures now, or an empty map; {@code state} holds the job's status. */
  Map<String, Object> read() {
    Map<String, Object> figures = new LinkedHashMap<>();
    if (restUrl == null) {
      return figures;
    }
    try {
      JsonNode job = get("/jobs/" + jobId);
      if (job != null && job.hasNonNull("state")) {
        figures.put("state", job.get("state").asText());
      }
      JsonNode checkpoints = get("/jobs/" + jobId + "/checkpoints");
      if (checkpoints != null) {
        JsonNode counts = checkpoints.path("counts");
        figures.put("checkpointsCompleted", counts.path("completed").asLong());
        figures.put("checkpointsFailed", counts.path("failed").asLong());
        figures.put("checkpointsInProgress", counts.path("in_progress").asLong());
        JsonNode last = checkpoints.path("latest").path("completed");
        if (last.isObject()) {
          figures.put("lastCheckpointId", last.path("id").asLong());
          figures.put("lastCheckpointDurationMs", last.path("end_to_end_duration").asLong());
          figures.put("lastCheckpointSizeBytes", last.path("state_size").asLong());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("Flink REST API at {} not reachable: {}", restUrl, e.toString());
    }
    return figures;
  }

  private JsonNode get(String path) throws Exception {
    if (client == null) {
      client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(restUrl + path))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? json.readTree(response.body()) : null;
  }
}

package io.tributary.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The catalog's query API as a test reads it: entities, lineage, runs and request metrics. */
public final class CatalogApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REQUEST_COUNT =
      Pattern.compile("^http_server_requests_seconds_count\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public CatalogApi(URI base) {
    this.base = base;
  }

  /** A GET that must answer 200 with JSON. */
  public JsonNode get(String path) {
    HttpResponse<String> r = send(path);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + r.body(), e);
    }
  }

  private HttpResponse<String> send(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The entity of a type and qualifiedName in the default tenant, if the catalog has it. */
  public Optional<JsonNode> entity(String type, String qualifiedName) {
    JsonNode found =
        get("api/v1/entities?type="
                + type
                + "&qualifiedName="
                + URLEncoder.encode(qualifiedName, StandardCharsets.UTF_8))
            .path("entities");
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every entity of a type (the first 1,000). */
  public List<JsonNode> entities(String type) {
    List<JsonNode> out = new ArrayList<>();
    get("api/v1/entities?limit=1000&type=" + type).path("entities").forEach(out::add);
    return out;
  }

  /** The lineage graph around an entity: {@code nodes}, {@code edges}. */
  public JsonNode lineage(String guid, String direction, int depth) {
    return get("api/v1/lineage/" + guid + "?direction=" + direction + "&depth=" + depth);
  }

  /** The runs of a process. */
  public List<JsonNode> runs(String processGuid) {
    List<JsonNode> out = new ArrayList<>();
    get("api/v1/entities/" + processGuid + "/related/process_stream_runs")
        .path("entities")
        .forEach(out::add);
    return out;
  }

  /** Requests answered for {@code POST /api/v1/lineage}, by status code. */
  public Map<String, Double> lineagePostsByStatus() {
    HttpResponse<String> r = send("metrics");
    Map<String, Double> out = new TreeMap<>();
    Matcher m = REQUEST_COUNT.matcher(r.body());
    while (m.find()) {
      Map<String, String> labels = new TreeMap<>();
      Matcher l = LABEL.matcher(m.group(1));
      while (l.find()) {
        labels.put(l.group(1), l.group(2));
      }
      if ("POST".equals(labels.get("method")) && "/api/v1/lineage".equals(labels.get("uri"))) {
        out.merge(labels.get("status"), Double.parseDouble(m.group(2)), Double::sum);
      }
    }
    return out;
  }
}

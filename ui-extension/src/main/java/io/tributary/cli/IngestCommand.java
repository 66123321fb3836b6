package io.tributary.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary ingest FILE...}: posts OpenLineage events and reports each outcome. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Posts OpenLineage events to a catalog server, one request per event.",
      "A file holds one event, a JSON array of events, or one event per line (JSON Lines)."
    })
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Event files")
  List<Path> files;

  @Option(
      names = "--url",
      defaultValue = "http://localhost:8080",
      description = "Catalog server (default: ${DEFAULT-VALUE})")
  String url;

  @Option(names = "--api-key", description = "Sent as 'Authorization: Bearer <key>'")
  String apiKey;

  @Option(names = "--tenant", description = "Tenant of the events (default: the server's)")
  String tenant;

  // A second document after the first means JSON Lines, not one event with trailing text.
  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private record Event(String label, JsonNode body) {}

  @Override
  public Integer call() {
    List<Event> events = new ArrayList<>();
    for (Path file : files) {
      events.addAll(read(file));
    }
    ApiClient client = new ApiClient(url, apiKey);
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    for (Event event : events) {
      ServerConnection.Reply reply =
          client.post(
              "api/v1/lineage",
              tenant == null ? Map.of() : Map.of("tenant", tenant),
              event.body().toString());
      if (reply.status() == 201) {
        JsonNode b = reply.body();
        out.printf(
            "%s: committed %s%s (%d created, %d updated)%n",
            event.label(),
            b.path("eventType").asText(b.path("kind").asText("")),
            b.hasNonNull("runId") ? " run " + b.path("runId").asText() : "",
            b.path("created").asInt(),
            b.path("updated").asInt());
      } else {
        failed++;
        out.printf("%s: FAILED %s%n", event.label(), ApiClient.describe(reply));
        for (JsonNode v : reply.body().path("violations")) {
          out.printf("    %s: %s%n", v.path("pointer").asText("/"), v.path("message").asText());
        }
      }
    }
    out.printf(
        "%d event(s): %d committed, %d failed%n", events.size(), events.size() - failed, failed);
    return failed == 0 ? 0 : Tributary.FAILED;
  }

  private List<Event> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), Tributary.USAGE);
    }
    List<Event> out = new ArrayList<>();
    try {
      JsonNode whole = json.readTree(text);
      if (whole != null && whole.isArray()) {
        for (int i = 0; i < whole.size(); i++) {
          out.add(new Event(file + "[" + i + "]", whole.get(i)));
        }
        return out;
      }
      if (whole != null && !whole.isMissingNode()) {
        out.add(new Event(file.toString(), whole));
        return out;
      }
    } catch (JsonProcessingException e) {
      // Not one document: try JSON Lines below.
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        out.add(new Event(file + ":" + (i + 1), json.readTree(lines[i])));
      } catch (JsonProcessingException e) {
        throw new CliException(
            file + ":" + (i + 1) + " is not JSON: " + e.getOriginalMessage(), Tributary.USAGE);
      }
    }
    if (out.isEmpty()) {
      throw new CliException(file + " holds no event", Tributary.USAGE);
    }
    return out;
  }
}

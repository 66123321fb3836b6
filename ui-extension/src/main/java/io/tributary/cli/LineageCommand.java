package io.tributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary lineage GUID}: prints an entity's lineage as a tree. */
@Command(
    name = "lineage",
    mixinStandardHelpOptions = true,
    description = "Prints the lineage of an entity as a tree.")
final class LineageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "GUID", description = "The entity to start from")
  String guid;

  @Option(
      names = "--direction",
      defaultValue = "BOTH",
      description = "UPSTREAM, DOWNSTREAM or BOTH (default: ${DEFAULT-VALUE})")
  String direction;

  @Option(
      names = "--depth",
      defaultValue = "3",
      description = "Process hops to walk (default: ${DEFAULT-VALUE})")
  int depth;

  @Option(
      names = "--level",
      defaultValue = "DATASET",
      description = "DATASET or COLUMN (default: ${DEFAULT-VALUE})")
  String level;

  @Option(
      names = "--url",
      defaultValue = "http://localhost:8080",
      description = "Catalog server (default: ${DEFAULT-VALUE})")
  String url;

  @Override
  public Integer call() {
    ServerConnection.Reply reply =
        new ApiClient(url, null)
            .get(
                "api/v1/lineage/"
                    + java.net.URLEncoder.encode(guid, java.nio.charset.StandardCharsets.UTF_8),
                Map.of("direction", direction, "depth", String.valueOf(depth), "level", level));
    if (reply.status() != 200) {
      throw new CliException(
          "lineage of " + guid + " failed: " + ApiClient.describe(reply),
          reply.status() == 400 ? Tributary.USAGE : Tributary.FAILED);
    }
    print(reply.body(), spec.commandLine().getOut());
    return 0;
  }

  static void print(JsonNode graph, PrintWriter out) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (JsonNode n : graph.path("nodes")) {
      labels.put(
          n.path("guid").asText(),
          n.path("name").asText(n.path("qualifiedName").asText())
              + " ["
              + n.path("typeName").asText()
              + "] "
              + n.path("qualifiedName").asText());
    }
    Map<String, List<String>> down = new LinkedHashMap<>();
    Map<String, List<String>> up = new LinkedHashMap<>();
    for (JsonNode e : graph.path("edges")) {
      String from = e.path("from").asText();
      String to = e.path("to").asText();
      down.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
      up.computeIfAbsent(to, k -> new ArrayList<>()).add(from);
    }
    String start = graph.path("start").asText();
    out.println(label(labels, start));
    String direction = graph.path("direction").asText("BOTH");
    if (!direction.equals("DOWNSTREAM")) {
      out.println("upstream:");
      tree(start, up, labels, "", new HashSet<>(Set.of(start)), out);
    }
    if (!direction.equals("UPSTREAM")) {
      out.println("downstream:");
      tree(start, down, labels, "", new HashSet<>(Set.of(start)), out);
    }
  }

  private static void tree(
      String node,
      Map<String, List<String>> next,
      Map<String, String> labels,
      String indent,
      Set<String> seen,
      PrintWriter out) {
    List<String> children = next.getOrDefault(node, List.of());
    if (children.isEmpty() && indent.isEmpty()) {
      out.println("  (none)");
    }
    for (int i = 0; i < children.size(); i++) {
      String child = children.get(i);
      boolean last = i == children.size() - 1;
      boolean again = !seen.add(child);
      out.println(
          indent + (last ? "└── " : "├── ") + label(labels, child) + (again ? " (see above)" : ""));
      if (!again) {
        tree(child, next, labels, indent + (last ? "    " : "│   "), seen, out);
      }
    }
  }

  private static String label(Map<String, String> labels, String guid) {
    return labels.getOrDefault(guid, "(hidden " + guid + ")");
  }
}

package io.tributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary ask "who reads orders"}: asks the catalog a question and prints the answer. */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = "Asks the catalog a question in English and prints the answer.")
final class AskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "QUESTION",
      arity = "1..*",
      description = "The question, for example: what breaks if orders changes")
  String[] words;

  @Option(names = "--json", description = "Print the answer's JSON as the server gave it")
  boolean json;

  @Option(
      names = "--url",
      defaultValue = "http://localhost:8080",
      description = "Catalog server (default: ${DEFAULT-VALUE})")
  String url;

  @Override
  public Integer call() {
    String question = String.join(" ", words);
    ServerConnection.Reply reply =
        new ApiClient(url, null).get("api/v1/ask", Map.of("q", question));
    if (reply.status() != 200) {
      throw new CliException(
          "ask failed: " + ApiClient.describe(reply),
          reply.status() == 400 ? Tributary.USAGE : Tributary.FAILED);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(reply.body().toPrettyString());
    } else {
      print(reply.body(), out);
    }
    return 0;
  }

  static void print(JsonNode answer, PrintWriter out) {
    out.println(answer.path("answer").asText());
    JsonNode list =
        answer.path("candidates").isEmpty() ? answer.path("results") : answer.path("candidates");
    int shown = 0;
    for (JsonNode r : list) {
      if (shown++ == 20) {
        out.println("  ... and " + (list.size() - 20) + " more");
        break;
      }
      out.println(
          "  "
              + r.path("name").asText(r.path("qualifiedName").asText())
              + " ["
              + r.path("typeName").asText()
              + "] "
              + r.path("guid").asText());
    }
    out.println("(" + answer.path("intent").asText() + ": " + answer.path("query").asText() + ")");
  }
}

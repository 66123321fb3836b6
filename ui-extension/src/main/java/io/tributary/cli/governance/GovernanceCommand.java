package io.tributary.cli.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.cli.tenants.TenantsClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tributary governance ...}: classification rules, retention and legal holds, and
 * data-quality rules of a running catalog server ({@code /api/v1/governance}). Prints the server's
 * JSON answers. Exit codes as the other commands: 1 refused, 2 bad usage, 3 unreachable.
 */
@Command(
    name = "governance",
    mixinStandardHelpOptions = true,
    description =
        "Classification rules, retention, legal holds, data-quality rules, steward tasks and"
            + " proposals.",
    subcommands = {
      GovernanceCommand.Rules.class,
      GovernanceCommand.SetRules.class,
      GovernanceCommand.Classified.class,
      GovernanceCommand.Reevaluate.class,
      GovernanceCommand.Retention.class,
      GovernanceCommand.RetentionRule.class,
      GovernanceCommand.Holds.class,
      GovernanceCommand.Hold.class,
      GovernanceCommand.Release.class,
      GovernanceCommand.DryRun.class,
      GovernanceCommand.Purge.class,
      GovernanceCommand.QualityRule.class,
      GovernanceCommand.Quality.class,
      WorkflowCommands.Tasks.class,
      WorkflowCommands.Proposals.class
    })
public final class GovernanceCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand; see --help");
  }

  /** The server and the credentials every subcommand takes. */
  static final class Server {
    @Option(
        names = "--url",
        defaultValue = "http://localhost:8080",
        description = "Catalog server (default: ${DEFAULT-VALUE})")
    String url;

    @Option(
        names = "--api-key",
        defaultValue = "${env:TRIBUTARY_API_KEY}",
        description = "API key (trb_...); default: $TRIBUTARY_API_KEY")
    String apiKey;
  }

  /** One call, its answer printed as indented JSON. */
  abstract static class Call implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Server server;

    @Parameters(index = "0", description = "Tenant id")
    String tenant;

    @Override
    public final Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        JsonNode answer = run(new TenantsClient(server.url, server.apiKey));
        out.println(
            answer == null
                ? "done"
                : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        out.flush();
        return 0;
      } catch (TenantsClient.Failure e) {
        spec.commandLine().getErr().println("tributary: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return e.exitCode();
      } catch (IOException e) {
        spec.commandLine().getErr().println("tributary: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return TenantsClient.USAGE;
      }
    }

    String base() {
      return "api/v1/governance/tenants/" + TenantsClient.segment(tenant) + "/";
    }

    abstract JsonNode run(TenantsClient client) throws IOException;
  }

  @Command(name = "rules", mixinStandardHelpOptions = true, description = "Classification rules.")
  static final class Rules extends Call {
    @Override
    JsonNode run(TenantsClient client) {
      return client.call("GET", base() + "classification-rules", null, 200, "reading rules");
    }
  }

  @Command(
      name = "set-rules",
      mixinStandardHelpOptions = true,
      description = "Replaces the classification rules from a JSON file ({\"rules\": [...]}).")
  static final class SetRules extends Call {
    @Parameters(index = "1", description = "JSON file")
    Path file;

    @Override
    JsonNode run(TenantsClient client) throws IOException {
      return client.call(
          "PUT",
          base() + "classification-rules",
          JSON.readTree(Files.readString(file)),
          200,
          "replacing rules");
    }
  }

  @Command(
      name = "classified",
      mixinStandardHelpOptions = true,
      description = "Entities carrying a classification, with where it came from.")
  static final class Classified extends Call {
    @Parameters(index = "1", description = "Classification (PII, SENSITIVE, ...)")
    String classification;

    @Override
    JsonNode run(TenantsClient client) {
      return client.call(
          "GET",
          base() + "classifications?classification=" + TenantsClient.segment(classification),
          null,
          200,
          "listing");
    }
  }

  @Command(
      name = "reevaluate",
      mixinStandardHelpOptions = true,
      description = "Re-applies the rules and propagation to the whole tenant.")
  static final class Reevaluate extends Call {
    @Override
    JsonNode run(TenantsClient client) {
      return client.call("POST", base() + "classifications/reevaluate", null, 200, "re-evaluation");
    }
  }

  @Command(name = "retention", mixinStandardHelpOptions = true, description = "Retention rules.")
  static final class Retention extends Call {
    @Override
    JsonNode run(TenantsClient client) {
      return client.call("GET", base() + "retention-rules", null, 200, "reading retention rules");
    }
  }

  @Command(
      name = "retention-rule",
      mixinStandardHelpOptions = true,
      description = "Creates or replaces a retention rule.")
  static final class RetentionRule extends Call {
    @Parameters(index = "1", description = "Rule id")
    String id;

    @Option(names = "--older-than", required = true, description = "ISO-8601 duration (P30D)")
    String olderThan;

    @Option(names = "--type", description = "Entity type (and its subtypes)")
    String type;

    @Option(names = "--classification", description = "Only entities carrying it")
    String classification;

    @Override
    JsonNode run(TenantsClient client) {
      ObjectNode body = JSON.createObjectNode().put("olderThan", olderThan);
      body.put("typeName", type);
      body.put("classification", classification);
      return client.call(
          "PUT", base() + "retention-rules/" + TenantsClient.segment(id), body, 200, "saving rule");
    }
  }

  @Command(name = "holds", mixinStandardHelpOptions = true, description = "Legal holds.")
  static final class Holds extends Call {
    @Override
    JsonNode run(TenantsClient client) {
      return client.call("GET", base() + "legal-holds", null, 200, "reading holds");
    }
  }

  @Command(
      name = "hold",
      mixinStandardHelpOptions = true,
      description = "Places a legal hold on an entity or a namespace.")
  static final class Hold extends Call {
    static final class Target {
      @Option(names = "--guid", description = "The entity held")
      String guid;

      @Option(names = "--namespace", description = "The namespace held")
      String namespace;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--reason", description = "Why")
    String reason;

    @Override
    JsonNode run(TenantsClient client) {
      ObjectNode body = JSON.createObjectNode();
      body.put("guid", target.guid);
      body.put("namespace", target.namespace);
      body.put("reason", reason);
      return client.call("POST", base() + "legal-holds", body, 201, "placing the hold");
    }
  }

  @Command(name = "release", mixinStandardHelpOptions = true, description = "Releases a hold.")
  static final class Release extends Call {
    @Parameters(index = "1", description = "Hold id")
    String id;

    @Override
    JsonNode run(TenantsClient client) {
      client.call(
          "DELETE", base() + "legal-holds/" + TenantsClient.segment(id), null, 204, "releasing");
      return null;
    }
  }

  @Command(
      name = "dry-run",
      mixinStandardHelpOptions = true,
      description = "What a purge would remove now, and what holds keep.")
  static final class DryRun extends Call {
    @Override
    JsonNode run(TenantsClient client) {
      return client.call("GET", base() + "retention/dry-run", null, 200, "dry run");
    }
  }

  @Command(name = "purge", mixinStandardHelpOptions = true, description = "Purges now.")
  static final class Purge extends Call {
    @Override
    JsonNode run(TenantsClient client) {
      return client.call("POST", base() + "retention/purge", null, 200, "purge");
    }
  }

  @Command(
      name = "quality-rule",
      mixinStandardHelpOptions = true,
      description = "Creates or replaces a data-quality rule.")
  static final class QualityRule extends Call {
    @Parameters(index = "1", description = "Rule id")
    String id;

    @Option(
        names = "--metric",
        required = true,
        description = "rowCount, nullRatio, distinctCount, assertionSuccess or freshness")
    String metric;

    @Option(names = "--dataset", description = "A dataset's qualifiedName")
    String dataset;

    @Option(names = "--namespace", description = "A namespace")
    String namespace;

    @Option(names = "--classification", description = "Datasets carrying it")
    String classification;

    @Option(names = "--column", description = "The column (nullRatio, distinctCount)")
    String column;

    @Option(names = "--min", description = "Least value that passes")
    Double min;

    @Option(names = "--max", description = "Largest value that passes")
    Double max;

    @Option(names = "--max-age", description = "Freshness: ISO-8601 duration (PT5M)")
    String maxAge;

    @Override
    JsonNode run(TenantsClient client) {
      ObjectNode body = JSON.createObjectNode().put("metric", metric);
      body.put("dataset", dataset);
      body.put("namespace", namespace);
      body.put("classification", classification);
      body.put("column", column);
      body.put("min", min);
      body.put("max", max);
      body.put("maxAge", maxAge);
      return client.call(
          "PUT", base() + "quality-rules/" + TenantsClient.segment(id), body, 200, "saving rule");
    }
  }

  @Command(
      name = "quality",
      mixinStandardHelpOptions = true,
      description = "Data-quality results: the current outcome per rule, or the history.")
  static final class Quality extends Call {
    @Option(names = "--dataset", description = "A dataset's guid")
    String dataset;

    @Option(names = "--history", description = "Every change of outcome, oldest first")
    boolean history;

    @Override
    JsonNode run(TenantsClient client) {
      String query = "?view=" + (history ? "history" : "latest");
      if (dataset != null) {
        query += "&dataset=" + TenantsClient.segment(dataset);
      }
      return client.call("GET", base() + "quality-results" + query, null, 200, "reading results");
    }
  }
}

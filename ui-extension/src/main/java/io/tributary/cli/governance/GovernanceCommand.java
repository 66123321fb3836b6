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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tributary governance rules|retention|holds|quality|tasks|proposals <tenant> [action]
 * [id]}: classification rules, retention and legal holds, data-quality rules, steward tasks and
 * proposals of a running catalog server ({@code /api/v1/governance}). Each command lists by
 * default; its other actions create, change or delete. Prints the server's JSON answers. Exit codes
 * as the other commands: 1 refused, 2 bad usage, 3 unreachable.
 */
@Command(
    name = "governance",
    mixinStandardHelpOptions = true,
    description =
        "Classification rules, retention, legal holds, data-quality rules, steward tasks and"
            + " proposals.",
    subcommands = {
      RuleCommands.Rules.class,
      RuleCommands.Retention.class,
      RuleCommands.Holds.class,
      RuleCommands.Quality.class,
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
        return failed(e.getMessage(), e.exitCode());
      } catch (IOException e) {
        return failed(e.getMessage(), TenantsClient.USAGE);
      }
    }

    private int failed(String message, int exitCode) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("tributary: " + message);
      err.flush();
      return exitCode;
    }

    String base() {
      return "api/v1/governance/tenants/" + TenantsClient.segment(tenant) + "/";
    }

    abstract JsonNode run(TenantsClient client) throws IOException;
  }

  /**
   * A command of several actions: {@code <tenant> [action] [id]}, the action's options beside. An
   * action is a case of {@link #act}; an unknown one is bad usage.
   */
  abstract static class Actions extends Call {
    @Parameters(index = "1", arity = "0..1", description = "Action; see the command's description")
    String action;

    @Parameters(index = "2", arity = "0..1", description = "What the action names (an id, ...)")
    String id;

    @Override
    final JsonNode run(TenantsClient client) throws IOException {
      if (action == null) {
        action = defaultAction();
      }
      return act(client, action);
    }

    String defaultAction() {
      return "list";
    }

    abstract JsonNode act(TenantsClient client, String action) throws IOException;

    static JsonNode get(TenantsClient client, String path, String what) {
      return client.call("GET", path, null, 200, what);
    }

    static JsonNode post(TenantsClient client, String path, String what) {
      return client.call("POST", path, null, 200, what);
    }

    /** Deletes {@code collection/<id>}: the answer is empty, printed as "done". */
    JsonNode delete(TenantsClient client, String collection, String what) {
      client.call("DELETE", collection + "/" + id(what), null, 204, "deleting");
      return null;
    }

    ParameterException unknown() {
      return new ParameterException(spec.commandLine(), "Unknown action: " + action);
    }

    /** The id the action names, as a path segment. */
    String id(String what) {
      return TenantsClient.segment(required(id, what));
    }

    String required(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new ParameterException(spec.commandLine(), action + " needs " + what);
      }
      return value;
    }

    static ObjectNode body() {
      return JSON.createObjectNode();
    }

    static JsonNode read(Path file) throws IOException {
      return JSON.readTree(Files.readString(file));
    }

    /** Appends {@code name=value} to a query string when the value is set. */
    static void query(StringBuilder q, String name, String value) {
      if (value != null) {
        q.append(q.isEmpty() ? '?' : '&')
            .append(name)
            .append('=')
            .append(TenantsClient.segment(value));
      }
    }

    static void putIfSet(ObjectNode body, String name, String value) {
      if (value != null) {
        body.put(name, value);
      }
    }

    static void putIfSet(ObjectNode body, String name, Double value) {
      if (value != null) {
        body.put(name, value);
      }
    }
  }
}

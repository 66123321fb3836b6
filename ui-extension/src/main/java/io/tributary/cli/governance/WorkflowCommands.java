package io.tributary.cli.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.cli.tenants.TenantsClient;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tributary governance tasks|proposals ...}: steward tasks and approval workflows. */
final class WorkflowCommands {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkflowCommands() {}

  @Command(
      name = "tasks",
      mixinStandardHelpOptions = true,
      description =
          "Steward tasks: list (default), show, create, claim, comment, resolve, scan (orphans).")
  static final class Tasks extends GovernanceCommand.Call {
    @Parameters(index = "1", arity = "0..1", defaultValue = "list", description = "Action")
    String action;

    @Parameters(index = "2", arity = "0..1", description = "Task id")
    String id;

    @Option(names = "--status", description = "open, claimed or resolved")
    String status;

    @Option(names = "--kind", description = "manual, pii, quality or orphan")
    String kind;

    @Option(names = "--mine", description = "The caller's inbox: their tasks and proposals")
    boolean mine;

    @Option(names = "--title", description = "Title of a new task")
    String title;

    @Option(names = "--guid", description = "Entity a new task is about")
    String guid;

    @Option(names = "--assignee", description = "Steward a new task is for")
    String assignee;

    @Option(names = "--text", description = "Comment, or resolution")
    String text;

    @Override
    JsonNode run(TenantsClient client) {
      String tasks = base() + "tasks";
      ObjectNode body = JSON.createObjectNode();
      return switch (action) {
        case "list" -> {
          if (mine) {
            yield client.call("GET", base() + "inbox", null, 200, "reading the inbox");
          }
          StringBuilder q = new StringBuilder();
          query(q, "status", status);
          query(q, "kind", kind);
          yield client.call("GET", tasks + q, null, 200, "listing tasks");
        }
        case "show" -> client.call("GET", tasks + "/" + id(), null, 200, "reading the task");
        case "create" -> {
          body.put("title", required(title, "--title"));
          putIfSet(body, "guid", guid);
          putIfSet(body, "assignee", assignee);
          putIfSet(body, "detail", text);
          yield client.call("POST", tasks, body, 201, "creating the task");
        }
        case "claim" -> client.call("POST", tasks + "/" + id() + "/claim", null, 200, "claiming");
        case "comment" -> {
          body.put("text", required(text, "--text"));
          yield client.call("POST", tasks + "/" + id() + "/comments", body, 201, "commenting");
        }
        case "resolve" -> {
          putIfSet(body, "resolution", text);
          yield client.call("POST", tasks + "/" + id() + "/resolve", body, 200, "resolving");
        }
        case "scan" -> client.call("POST", tasks + "/scan", null, 200, "scanning for orphans");
        default -> throw new ParameterException(spec.commandLine(), "Unknown action: " + action);
      };
    }

    private String id() {
      return TenantsClient.segment(required(id, "a task id"));
    }

    private String required(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new ParameterException(spec.commandLine(), action + " needs " + what);
      }
      return value;
    }
  }

  @Command(
      name = "proposals",
      mixinStandardHelpOptions = true,
      description = "Proposals: list (default), show, propose, approve, reject.")
  static final class Proposals extends GovernanceCommand.Call {
    @Parameters(index = "1", arity = "0..1", defaultValue = "list", description = "Action")
    String action;

    @Parameters(index = "2", arity = "0..1", description = "Proposal id")
    String id;

    @Option(names = "--status", description = "pending, applied, rejected or failed")
    String status;

    @Option(
        names = "--kind",
        description = "classification, owner, description, retention or share")
    String kind;

    @Option(names = "--guid", description = "Entity the proposal changes")
    String guid;

    @Option(names = "--change", description = "The change as JSON ({\"add\": \"PII\"}, ...)")
    String change;

    @Option(names = "--reason", description = "Why")
    String reason;

    @Option(names = "--text", description = "Comment on an approval or rejection")
    String text;

    @Override
    JsonNode run(TenantsClient client) throws IOException {
      String proposals = base() + "proposals";
      ObjectNode body = JSON.createObjectNode();
      return switch (action) {
        case "list" -> {
          StringBuilder q = new StringBuilder();
          query(q, "status", status);
          yield client.call("GET", proposals + q, null, 200, "listing proposals");
        }
        case "show" -> client.call("GET", proposals + "/" + id(), null, 200, "reading");
        case "propose" -> {
          body.put("kind", required(kind, "--kind"));
          putIfSet(body, "guid", guid);
          body.set("change", JSON.readTree(required(change, "--change")));
          putIfSet(body, "reason", reason);
          yield client.call("POST", proposals, body, 201, "proposing");
        }
        case "approve", "reject" -> {
          putIfSet(body, "comment", text);
          yield client.call(
              "POST", proposals + "/" + id() + "/" + action, body, 200, action + "ing");
        }
        default -> throw new ParameterException(spec.commandLine(), "Unknown action: " + action);
      };
    }

    private String id() {
      return TenantsClient.segment(required(id, "a proposal id"));
    }

    private String required(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new ParameterException(spec.commandLine(), action + " needs " + what);
      }
      return value;
    }
  }

  private static void query(StringBuilder q, String name, String value) {
    if (value != null) {
      q.append(q.isEmpty() ? '?' : '&')
          .append(name)
          .append('=')
          .append(TenantsClient.segment(value));
    }
  }

  private static void putIfSet(ObjectNode body, String name, String value) {
    if (value != null) {
      body.put(name, value);
    }
  }
}

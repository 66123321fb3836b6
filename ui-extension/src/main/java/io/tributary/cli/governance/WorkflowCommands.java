package io.tributary.cli.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.cli.tenants.TenantsClient;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary governance tasks|proposals ...}: steward tasks and approval workflows. */
final class WorkflowCommands {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkflowCommands() {}

  @Command(
      name = "tasks",
      mixinStandardHelpOptions = true,
      description =
          "Steward tasks: list (default), show, create, claim, comment, resolve, scan (orphans).")
  static final class Tasks extends GovernanceCommand.Actions {
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
    JsonNode act(TenantsClient client, String action) {
      String tasks = base() + "tasks";
      ObjectNode body = body();
      return switch (action) {
        case "list" -> {
          if (mine) {
            yield get(client, base() + "inbox", "reading the inbox");
          }
          StringBuilder q = new StringBuilder();
          query(q, "status", status);
          query(q, "kind", kind);
          yield get(client, tasks + q, "listing tasks");
        }
        case "show" -> get(client, tasks + "/" + id("a task id"), "reading the task");
        case "create" -> {
          body.put("title", required(title, "--title"));
          putIfSet(body, "guid", guid);
          putIfSet(body, "assignee", assignee);
          putIfSet(body, "detail", text);
          yield client.call("POST", tasks, body, 201, "creating the task");
        }
        case "claim" -> post(client, tasks + "/" + id("a task id") + "/claim", "claiming");
        case "comment" -> {
          body.put("text", required(text, "--text"));
          yield client.call(
              "POST", tasks + "/" + id("a task id") + "/comments", body, 201, "commenting");
        }
        case "resolve" -> {
          putIfSet(body, "resolution", text);
          yield client.call(
              "POST", tasks + "/" + id("a task id") + "/resolve", body, 200, "resolving");
        }
        case "scan" -> post(client, tasks + "/scan", "scanning for orphans");
        default -> throw unknown();
      };
    }
  }

  @Command(
      name = "proposals",
      mixinStandardHelpOptions = true,
      description = "Proposals: list (default), show, propose, approve, reject.")
  static final class Proposals extends GovernanceCommand.Actions {
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
    JsonNode act(TenantsClient client, String action) throws IOException {
      String proposals = base() + "proposals";
      ObjectNode body = body();
      return switch (action) {
        case "list" -> {
          StringBuilder q = new StringBuilder();
          query(q, "status", status);
          yield get(client, proposals + q, "listing proposals");
        }
        case "show" -> get(client, proposals + "/" + id("a proposal id"), "reading");
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
              "POST",
              proposals + "/" + id("a proposal id") + "/" + action,
              body,
              200,
              action + "ing");
        }
        default -> throw unknown();
      };
    }
  }
}

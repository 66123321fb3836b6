package io.tributary.cli.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.cli.tenants.TenantsClient;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code tributary governance rules|retention|holds|quality <tenant> [action] [id]}: classification
 * rules, retention rules and their dry run, legal holds, and data-quality rules and results.
 */
final class RuleCommands {
  private RuleCommands() {}

  @Command(
      name = "rules",
      mixinStandardHelpOptions = true,
      description = {
        "Classification rules: list (default); add (--classification and a condition); delete"
            + " RULE (as list names it in \"rule\"); set --file rules.json (replaces them all);"
            + " classified CLASSIFICATION (entities carrying it, with source and confidence);"
            + " reevaluate.",
        "Every change re-evaluates the tenant's classifications."
      })
  static final class Rules extends GovernanceCommand.Actions {
    @Option(names = "--file", description = "set: {\"rules\": [...]}")
    Path file;

    @Option(names = "--classification", description = "add: the classification it gives")
    String classification;

    @Option(names = "--pattern", description = "add: a regex over the name")
    String pattern;

    @Option(names = "--applies-to", description = "add: dataset or column (default: both)")
    String appliesTo;

    @Option(names = "--field-type", description = "add: a regex over a column's type")
    String fieldType;

    @Option(names = "--tag", description = "add: an OpenLineage tag")
    String tag;

    @Option(names = "--min-distinct-ratio", description = "add: least distinct share, 0..1")
    Double minDistinctRatio;

    @Option(names = "--confidence", description = "add: how sure a match is, (0, 1]")
    Double confidence;

    @Override
    JsonNode act(TenantsClient client, String action) throws IOException {
      String rules = base() + "classification-rules";
      return switch (action) {
        case "list" -> get(client, rules, "reading rules");
        case "set" ->
            client.call("PUT", rules, read(present(file, "--file")), 200, "replacing rules");
        case "add" -> {
          ObjectNode rule = body();
          rule.put("classification", required(classification, "--classification"));
          putIfSet(rule, "pattern", pattern);
          putIfSet(rule, "appliesTo", appliesTo);
          putIfSet(rule, "fieldType", fieldType);
          putIfSet(rule, "tag", tag);
          putIfSet(rule, "minDistinctRatio", minDistinctRatio);
          putIfSet(rule, "confidence", confidence);
          ArrayNode list = current(client, rules);
          list.add(rule);
          yield client.call("PUT", rules, body().set("rules", list), 200, "adding the rule");
        }
        case "delete" -> {
          String named = required(id, "the rule, as list names it in \"rule\"");
          ArrayNode all = current(client, rules);
          ArrayNode kept = body().arrayNode();
          for (JsonNode r : all) {
            if (!named.equals(r.path("rule").asText())) {
              kept.add(r);
            }
          }
          if (kept.size() == all.size()) {
            throw new ParameterException(spec.commandLine(), "No rule is \"" + named + "\"");
          }
          yield client.call("PUT", rules, body().set("rules", kept), 200, "deleting the rule");
        }
        case "classified" -> {
          StringBuilder q = new StringBuilder();
          query(q, "classification", required(id, "a classification"));
          yield get(client, base() + "classifications" + q, "listing");
        }
        case "reevaluate" -> post(client, base() + "classifications/reevaluate", "re-evaluation");
        default -> throw unknown();
      };
    }

    /** The rules as the server holds them; the name it adds to each ("rule") stays, unread. */
    private static ArrayNode current(TenantsClient client, String rules) {
      return (ArrayNode) get(client, rules, "reading rules").path("rules");
    }

    private <T> T present(T value, String what) {
      if (value == null) {
        throw new ParameterException(spec.commandLine(), action + " needs " + what);
      }
      return value;
    }
  }

  @Command(
      name = "retention",
      mixinStandardHelpOptions = true,
      description =
          "Retention rules: list (default); set ID --older-than P30D [--type T]"
              + " [--classification C]; delete ID; dry-run (what a purge would remove now, and"
              + " what holds keep); purge.")
  static final class Retention extends GovernanceCommand.Actions {
    @Option(names = "--older-than", description = "set: ISO-8601 duration (P30D)")
    String olderThan;

    @Option(names = "--type", description = "set: entity type (and its subtypes)")
    String type;

    @Option(names = "--classification", description = "set: only entities carrying it")
    String classification;

    @Override
    JsonNode act(TenantsClient client, String action) {
      String rules = base() + "retention-rules";
      return switch (action) {
        case "list" -> get(client, rules, "reading retention rules");
        case "set" -> {
          ObjectNode rule = body().put("olderThan", required(olderThan, "--older-than"));
          putIfSet(rule, "typeName", type);
          putIfSet(rule, "classification", classification);
          yield client.call("PUT", rules + "/" + id("a rule id"), rule, 200, "saving rule");
        }
        case "delete" -> delete(client, rules, "a rule id");
        case "dry-run" -> get(client, base() + "retention/dry-run", "dry run");
        case "purge" -> post(client, base() + "retention/purge", "purge");
        default -> throw unknown();
      };
    }
  }

  @Command(
      name = "holds",
      mixinStandardHelpOptions = true,
      description =
          "Legal holds: list (default); place --guid G | --namespace N [--reason R]; release ID.")
  static final class Holds extends GovernanceCommand.Actions {
    @Option(names = "--guid", description = "place: the entity held")
    String guid;

    @Option(names = "--namespace", description = "place: the namespace held")
    String namespace;

    @Option(names = "--reason", description = "place: why")
    String reason;

    @Override
    JsonNode act(TenantsClient client, String action) {
      String holds = base() + "legal-holds";
      return switch (action) {
        case "list" -> get(client, holds, "reading holds");
        case "place" -> {
          if ((guid == null) == (namespace == null)) {
            throw new ParameterException(spec.commandLine(), "place needs --guid or --namespace");
          }
          ObjectNode hold = body();
          putIfSet(hold, "guid", guid);
          putIfSet(hold, "namespace", namespace);
          putIfSet(hold, "reason", reason);
          yield client.call("POST", holds, hold, 201, "placing the hold");
        }
        case "release" -> delete(client, holds, "a hold id");
        default -> throw unknown();
      };
    }
  }

  @Command(
      name = "quality",
      mixinStandardHelpOptions = true,
      description = {
        "Data quality: results (default; the current outcome per rule and dataset, or --history);"
            + " rules; set ID --metric M [scope] [bounds]; delete ID; freshness (checks the"
            + " freshness rules now).",
        "Metrics: rowCount, nullRatio, distinctCount, assertionSuccess, freshness."
      })
  static final class Quality extends GovernanceCommand.Actions {
    @Option(names = "--dataset", description = "results: a dataset's guid; set: its qualifiedName")
    String dataset;

    @Option(names = "--history", description = "results: every change of outcome, oldest first")
    boolean history;

    @Option(names = "--metric", description = "set: what is measured")
    String metric;

    @Option(names = "--namespace", description = "set: a namespace")
    String namespace;

    @Option(names = "--classification", description = "set: datasets carrying it")
    String classification;

    @Option(names = "--column", description = "set: the column (nullRatio, distinctCount)")
    String column;

    @Option(names = "--min", description = "set: least value that passes")
    Double min;

    @Option(names = "--max", description = "set: largest value that passes")
    Double max;

    @Option(names = "--max-age", description = "set, freshness: ISO-8601 duration (PT5M)")
    String maxAge;

    @Override
    String defaultAction() {
      return "results";
    }

    @Override
    JsonNode act(TenantsClient client, String action) {
      String rules = base() + "quality-rules";
      return switch (action) {
        case "results" -> {
          StringBuilder q = new StringBuilder();
          query(q, "view", history ? "history" : "latest");
          query(q, "dataset", dataset);
          yield get(client, base() + "quality-results" + q, "reading results");
        }
        case "rules" -> get(client, rules, "reading rules");
        case "set" -> {
          ObjectNode rule = body().put("metric", required(metric, "--metric"));
          putIfSet(rule, "dataset", dataset);
          putIfSet(rule, "namespace", namespace);
          putIfSet(rule, "classification", classification);
          putIfSet(rule, "column", column);
          putIfSet(rule, "min", min);
          putIfSet(rule, "max", max);
          putIfSet(rule, "maxAge", maxAge);
          yield client.call("PUT", rules + "/" + id("a rule id"), rule, 200, "saving rule");
        }
        case "delete" -> delete(client, rules, "a rule id");
        case "freshness" -> post(client, base() + "quality/freshness-check", "freshness check");
        default -> throw unknown();
      };
    }
  }
}

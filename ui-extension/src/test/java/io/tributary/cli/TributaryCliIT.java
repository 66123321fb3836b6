package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client commands against a real server, and the command line's errors and exit codes. */
class TributaryCliIT {
  private static final com.fasterxml.jackson.databind.ObjectMapper CLI_JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static final OpenLineage OL =
      new OpenLineage(URI.create("https://github.com/tributary/tests"));
  @TempDir static Path dir;
  private static CatalogServer server;
  private static String url;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() {
    server =
        CatalogServer.start(
            Settings.loader(Map.of())
                .load(
                    Map.of(
                        "server.host", "127.0.0.1",
                        "server.port", "0",
                        "data.dir", dir.resolve("data").toString())));
    url = server.uri().toString();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Tributary.execute(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  private static Run run(String... args) {
    return run(Map.of(), args);
  }

  private static String event(String job, String in, String out) {
    return OpenLineageClientUtils.toJson(
        OL.newRunEventBuilder()
            .eventType(OpenLineage.RunEvent.EventType.START)
            .eventTime(ZonedDateTime.parse("2026-03-01T10:00:00Z"))
            .run(OL.newRunBuilder().runId(UUID.nameUUIDFromBytes(job.getBytes())).build())
            .job(OL.newJobBuilder().namespace("cli").name(job).build())
            .inputs(
                List.of(
                    OL.newInputDatasetBuilder().namespace("kafka://broker:9092").name(in).build()))
            .outputs(
                List.of(
                    OL.newOutputDatasetBuilder()
                        .namespace("kafka://broker:9092")
                        .name(out)
                        .build()))
            .build());
  }

  @Test
  void shouldIngestFilesReportEachEventAndPrintTheLineageTree() throws Exception {
    Path array = dir.resolve("events.json");
    Files.writeString(
        array, "[" + event("clean", "raw", "clean") + "," + event("agg", "clean", "totals") + "]");
    Path lines = dir.resolve("events.jsonl");
    Files.writeString(
        lines,
        event("bad", "x", "y").replace("\"cli\"", "42") + "\n" + event("tail", "totals", "report"));

    Run ingest = run("ingest", array.toString(), lines.toString(), "--url", url);

    assertThat(ingest.exit()).as(ingest.out() + ingest.err()).isEqualTo(1);
    assertThat(ingest.out())
        .contains(array + "[0]: committed START")
        .contains(array + "[1]: committed START")
        .contains(lines + ":1: FAILED 400")
        .contains("    /job/namespace: ")
        .contains(lines + ":2: committed START")
        .contains("4 event(s): 3 committed, 1 failed");

    String clean =
        new io.tributary.catalog.Guid(
                io.tributary.catalog.Guid.forKey(
                        new io.tributary.catalog.EntityKey(
                            io.tributary.contract.TenantId.DEFAULT,
                            "kafka_topic",
                            "clean@broker:9092"))
                    .value())
            .value();
    Run lineage = run("lineage", clean, "--url", url, "--depth", "2");

    assertThat(lineage.exit()).as(lineage.err()).isZero();
    assertThat(lineage.out())
        .startsWith("clean [kafka_topic] clean@broker:9092")
        .contains("upstream:")
        .contains("downstream:")
        .contains("raw [kafka_topic] raw@broker:9092")
        .contains("totals [kafka_topic] totals@broker:9092")
        .contains("└── ");
  }

  @Test
  void shouldManageRetentionAndQualityRulesWithGovernanceCommands() throws Exception {
    Run rule =
        run(
            "governance",
            "retention",
            "default",
            "set",
            "old-topics",
            "--older-than",
            "P30D",
            "--type",
            "kafka_topic",
            "--url",
            url);
    assertThat(rule.exit()).as(rule.err()).isZero();
    assertThat(rule.out()).contains("\"olderThan\" : \"PT720H\"");
    Run rules = run("governance", "retention", "default", "--url", url);
    assertThat(rules.exit()).as(rules.err()).isZero();
    assertThat(rules.out()).contains("old-topics");
    Run dryRun = run("governance", "retention", "default", "dry-run", "--url", url);
    assertThat(dryRun.exit()).as(dryRun.err()).isZero();
    assertThat(dryRun.out()).contains("\"removed\"").contains("\"held\"");
    Run deleted = run("governance", "retention", "default", "delete", "old-topics", "--url", url);
    assertThat(deleted.exit()).as(deleted.err()).isZero();
    assertThat(run("governance", "retention", "default", "--url", url).out())
        .doesNotContain("old-topics");

    Run hold =
        run(
            "governance",
            "holds",
            "default",
            "place",
            "--namespace",
            "kafka",
            "--reason",
            "audit",
            "--url",
            url);
    assertThat(hold.exit()).as(hold.err()).isZero();
    String holdId = CLI_JSON.readTree(hold.out()).path("id").asText();
    assertThat(run("governance", "holds", "default", "--url", url).out()).contains(holdId);
    Run released = run("governance", "holds", "default", "release", holdId, "--url", url);
    assertThat(released.exit()).as(released.err()).isZero();
    Run neither = run("governance", "holds", "default", "place", "--url", url);
    assertThat(neither.exit()).isEqualTo(2);

    Run added =
        run(
            "governance",
            "rules",
            "default",
            "add",
            "--classification",
            "SENSITIVE",
            "--pattern",
            "no-such-name",
            "--url",
            url);
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.out()).contains("\"rule\" : \"SENSITIVE pattern=no-such-name\"");
    Run removed =
        run(
            "governance",
            "rules",
            "default",
            "delete",
            "SENSITIVE pattern=no-such-name",
            "--url",
            url);
    assertThat(removed.exit()).as(removed.err()).isZero();
    assertThat(removed.out()).doesNotContain("no-such-name");

    Run bad =
        run(
            "governance",
            "quality",
            "default",
            "set",
            "nulls",
            "--metric",
            "nullRatio",
            "--max",
            "0.1",
            "--url",
            url);
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).startsWith("tributary: saving rule failed: 400").contains("column");
    Run quality =
        run(
            "governance",
            "quality",
            "default",
            "set",
            "rows",
            "--metric",
            "rowCount",
            "--min",
            "1",
            "--url",
            url);
    assertThat(quality.exit()).as(quality.err()).isZero();
    assertThat(run("governance", "quality", "default", "rules", "--url", url).out())
        .contains("\"rows\"");
    assertThat(run("governance", "quality", "default", "delete", "rows", "--url", url).exit())
        .isZero();
    assertThat(run("governance", "quality", "default", "--url", url).out()).contains("results");
  }

  @Test
  void shouldWorkStewardTasksAndProposalsWithGovernanceCommands() throws Exception {
    Run created =
        run("governance", "tasks", "default", "create", "--title", "Review topics", "--url", url);
    assertThat(created.exit()).as(created.err()).isZero();
    String task = CLI_JSON.readTree(created.out()).path("id").asText();
    Run comment =
        run("governance", "tasks", "default", "comment", task, "--text", "on it", "--url", url);
    assertThat(comment.exit()).as(comment.err()).isZero();
    assertThat(comment.out()).contains("on it");
    Run resolve = run("governance", "tasks", "default", "resolve", task, "--url", url);
    assertThat(resolve.exit()).as(resolve.err()).isZero();
    assertThat(resolve.out()).contains("\"status\" : \"resolved\"");
    Run open = run("governance", "tasks", "default", "--status", "open", "--url", url);
    assertThat(open.exit()).as(open.err()).isZero();
    assertThat(open.out()).doesNotContain(task);

    Run proposed =
        run(
            "governance",
            "proposals",
            "default",
            "propose",
            "--kind",
            "retention",
            "--change",
            "{\"id\": \"old\", \"olderThan\": \"P90D\"}",
            "--url",
            url);
    assertThat(proposed.exit()).as(proposed.err()).isZero();
    String proposal = CLI_JSON.readTree(proposed.out()).path("id").asText();
    Run pending = run("governance", "proposals", "default", "--status", "pending", "--url", url);
    assertThat(pending.out()).contains(proposal);
    Run own = run("governance", "proposals", "default", "approve", proposal, "--url", url);
    assertThat(own.exit()).as("a proposer cannot approve their own proposal").isEqualTo(1);
    assertThat(own.err()).contains("403");
    Run unknown = run("governance", "tasks", "default", "fly", "--url", url);
    assertThat(unknown.exit()).isEqualTo(2);
  }

  @Test
  void shouldExitWithOneAndAClearMessageForAnUnknownEntity() {
    Run lineage = run("lineage", UUID.randomUUID().toString(), "--url", url);

    assertThat(lineage.exit()).isEqualTo(1);
    assertThat(lineage.err())
        .startsWith("tributary: lineage of")
        .contains("404")
        .contains("not found");
  }

  @Test
  void shouldExitWithThreeWhenTheServerCannotBeReached() {
    Run ingest = run("lineage", UUID.randomUUID().toString(), "--url", "http://127.0.0.1:1");

    assertThat(ingest.exit()).isEqualTo(3);
    assertThat(ingest.err()).contains("cannot reach the catalog server");
  }

  @Test
  void shouldExitWithTwoNamingTheKeyForABadConfiguration() {
    Run serve = run(Map.of("TRIBUTARY_SERVER_PORT", "eighty"), "serve");
    Run unknown = run(Map.of("TRIBUTARY_SERVER_PROT", "80"), "serve");
    Run flag = run("serve", "--set", "ingest.batch.mx=5");

    assertThat(serve.exit()).isEqualTo(2);
    assertThat(serve.err()).contains("'server.port'").contains("'eighty'");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("TRIBUTARY_SERVER_PROT");
    assertThat(flag.exit()).isEqualTo(2);
    assertThat(flag.err()).contains("Unknown configuration key 'ingest.batch.mx'");
  }

  @Test
  void shouldExitWithTwoForAnUnknownCommandOrOption() {
    assertThat(run("serv").exit()).isEqualTo(2);
    assertThat(run("ingest").exit()).isEqualTo(2);
    assertThat(run("serve", "--prot", "1").err()).contains("--prot");
  }

  @Test
  void shouldPointAtTheDemoJarWhenAskedForTheDemo() {
    Run demo = run("demo");
    Run withOptions = run("demo", "--port", "0", "--kafka-port", "0");

    assertThat(demo.exit()).isEqualTo(2);
    assertThat(demo.err()).contains("java -jar demo/target/tributary-demo.jar");
    assertThat(withOptions.exit()).isEqualTo(2);
    assertThat(withOptions.err()).isEqualTo(demo.err());
    assertThat(run("--help").out()).doesNotContain("demo");
  }

  @Test
  void shouldListTheCommandsInItsHelp() {
    Run help = run("--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("serve").contains("ingest").contains("lineage");
  }
}

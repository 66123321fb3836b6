package io.tributary.cli.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.cli.CliException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tributary tenants list|create|delete|share|shares|revoke}: the tenant API of a running
 * catalog server. Exit codes as the other commands: 1 refused, 2 bad usage, 3 unreachable.
 */
@Command(
    name = "tenants",
    mixinStandardHelpOptions = true,
    description = "Lists, creates and deletes tenants, and shares datasets between them.",
    subcommands = {
      TenantsCommand.ListTenants.class,
      TenantsCommand.Create.class,
      TenantsCommand.Delete.class,
      TenantsCommand.ShareDatasets.class,
      TenantsCommand.Shares.class,
      TenantsCommand.Revoke.class
    })
public final class TenantsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing subcommand: list, create, delete, share, shares or revoke");
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
        description =
            "API key (trb_...) of a user allowed to do it; default: $TRIBUTARY_API_KEY. Not"
                + " needed while the server runs without authentication.")
    String apiKey;
  }

  /** Runs a call, printing a failure instead of a stack trace. */
  abstract static class Subcommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Server server;

    @Override
    public final Integer call() {
      return CliException.run(spec, out -> run(new TenantsClient(server.url, server.apiKey), out));
    }

    abstract void run(TenantsClient client, PrintWriter out);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the tenants.")
  static final class ListTenants extends Subcommand {
    @Override
    void run(TenantsClient client, PrintWriter out) {
      JsonNode tenants = client.call("GET", "api/v1/tenants", null, 200, "listing tenants");
      out.printf("%-24s %-24s %12s %10s%n", "TENANT", "NAME", "EVENTS/S", "BURST");
      for (JsonNode t : tenants.path("tenants")) {
        JsonNode q = t.path("quotas");
        out.printf(
            "%-24s %-24s %12s %10s%n",
            t.path("id").asText(),
            t.path("displayName").asText(""),
            limit(q.path("eventsPerSecond")),
            limit(q.path("burst")));
      }
    }

    private static String limit(JsonNode value) {
      return value.asDouble() == 0 ? "unlimited" : value.asText();
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a tenant.")
  static final class Create extends Subcommand {
    @Parameters(paramLabel = "TENANT", description = "Tenant id: [a-z0-9][a-z0-9_-]{0,63}")
    String id;

    @Option(names = "--display-name", paramLabel = "NAME", description = "A human name")
    String displayName;

    @Option(
        names = "--events-per-second",
        paramLabel = "N",
        description = "Ingest rate quota (0: unlimited; default: the server's quota defaults)")
    Double eventsPerSecond;

    @Option(names = "--burst", paramLabel = "N", description = "Events at once above the rate")
    Long burst;

    @Override
    void run(TenantsClient client, PrintWriter out) {
      ObjectNode body = client.json().createObjectNode().put("id", id);
      if (displayName != null) {
        body.put("displayName", displayName);
      }
      if (eventsPerSecond != null || burst != null) {
        body.putObject("quotas")
            .put("eventsPerSecond", eventsPerSecond == null ? 0 : eventsPerSecond)
            .put("burst", burst == null ? 0 : burst);
      }
      client.call("POST", "api/v1/tenants", body, 201, "creating tenant '" + id + "'");
      out.println("Tenant '" + id + "' created.");
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Deletes a tenant, its policies and shares, and its entities in the catalog.")
  static final class Delete extends Subcommand {
    @Parameters(paramLabel = "TENANT")
    String id;

    @Override
    void run(TenantsClient client, PrintWriter out) {
      JsonNode reply =
          client.call(
              "DELETE",
              "api/v1/tenants/" + TenantsClient.segment(id),
              null,
              200,
              "deleting tenant '" + id + "'");
      out.println(
          "Tenant '"
              + id
              + "' deleted with "
              + reply.path("deletedEntities").asLong()
              + " entities.");
    }
  }

  @Command(
      name = "share",
      mixinStandardHelpOptions = true,
      description = "Grants another tenant read and lineage on datasets of a tenant.")
  static final class ShareDatasets extends Subcommand {
    @Parameters(index = "0", paramLabel = "OWNER", description = "The tenant that shares")
    String owner;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "DATASET",
        description = "Dataset names or wildcards (orders, orders-*) in the namespace")
    List<String> datasets;

    @Option(names = "--with", required = true, paramLabel = "TENANT", description = "The grantee")
    String grantee;

    @Option(
        names = "--namespace",
        required = true,
        paramLabel = "NAMESPACE",
        description = "The datasets' namespace (cluster): prod, s3://lake")
    String namespace;

    @Override
    void run(TenantsClient client, PrintWriter out) {
      ObjectNode body =
          client.json().createObjectNode().put("grantee", grantee).put("namespace", namespace);
      datasets.forEach(body.putArray("datasets")::add);
      JsonNode share =
          client.call(
              "POST",
              "api/v1/tenants/" + TenantsClient.segment(owner) + "/shares",
              body,
              201,
              "sharing " + datasets + " of '" + owner + "' with '" + grantee + "'");
      out.println(
          "Shared "
              + datasets
              + " in '"
              + namespace
              + "' of '"
              + owner
              + "' with '"
              + grantee
              + "': share "
              + share.path("id").asText());
    }
  }

  @Command(
      name = "shares",
      mixinStandardHelpOptions = true,
      description = "Lists the shares a tenant gave or received.")
  static final class Shares extends Subcommand {
    @Parameters(paramLabel = "TENANT")
    String id;

    @Override
    void run(TenantsClient client, PrintWriter out) {
      JsonNode shares =
          client.call(
              "GET",
              "api/v1/tenants/" + TenantsClient.segment(id) + "/shares",
              null,
              200,
              "listing the shares of '" + id + "'");
      out.printf(
          "%-12s %-20s %-20s %-20s %s%n", "SHARE", "OWNER", "GRANTEE", "NAMESPACE", "DATASETS");
      for (JsonNode s : shares.path("shares")) {
        out.printf(
            "%-12s %-20s %-20s %-20s %s%n",
            s.path("id").asText(),
            s.path("owner").asText(),
            s.path("grantee").asText(),
            s.path("namespace").asText(),
            s.path("datasets").toString());
      }
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a share.")
  static final class Revoke extends Subcommand {
    @Parameters(index = "0", paramLabel = "OWNER")
    String owner;

    @Parameters(index = "1", paramLabel = "SHARE", description = "The share id (tenants shares)")
    String share;

    @Override
    void run(TenantsClient client, PrintWriter out) {
      client.call(
          "DELETE",
          "api/v1/tenants/"
              + TenantsClient.segment(owner)
              + "/shares/"
              + TenantsClient.segment(share),
          null,
          204,
          "revoking share " + share + " of '" + owner + "'");
      out.println("Share " + share + " of '" + owner + "' revoked.");
    }
  }
}

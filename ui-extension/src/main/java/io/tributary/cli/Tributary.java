package io.tributary.cli;

import io.tributary.catalog.CatalogException;
import io.tributary.catalog.CatalogUnavailableException;
import io.tributary.cli.atlas.AtlasCommand;
import io.tributary.config.ConfigException;
import io.tributary.server.ServerStartException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code tributary.jar}: {@code serve}, {@code ingest}, {@code lineage}, {@code
 * atlas}, {@code tenants}, {@code users}.
 *
 * <p>Exit codes: 0 success; 1 the operation failed (an event refused, an entity not found); 2 bad
 * usage or configuration; 3 unavailable (the data directory is in use, the port is taken, the
 * server cannot be reached).
 */
@Command(
    name = "tributary",
    mixinStandardHelpOptions = true,
    versionProvider = Tributary.Version.class,
    description = "Streaming lineage for an Atlas-style catalog.",
    subcommands = {
      ServeCommand.class,
      IngestCommand.class,
      LineageCommand.class,
      AskCommand.class,
      AtlasCommand.class,
      DemoMovedCommand.class,
      io.tributary.cli.tenants.TenantsCommand.class,
      io.tributary.cli.users.UsersCommand.class,
      io.tributary.cli.governance.GovernanceCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 failed, 2 bad usage or configuration, 3 unavailable.",
      "Configuration reference: docs/configuration.md"
    })
public final class Tributary implements Runnable {
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int UNAVAILABLE = 3;

  private final Map<String, String> environment;
  private final InputStream stdin;

  @Spec CommandSpec spec;

  Tributary(Map<String, String> environment) {
    this(environment, System.in);
  }

  Tributary(Map<String, String> environment, InputStream stdin) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.stdin = Objects.requireNonNull(stdin, "stdin");
  }

  Map<String, String> environment() {
    return environment;
  }

  /** What commands read secrets from ({@code --password-stdin}). */
  public InputStream stdin() {
    return stdin;
  }

  public static void main(String[] args) {
    System.exit(
        execute(
            args,
            System.getenv(),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true)));
  }

  /** Runs one command line; returns the exit code. */
  static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    return execute(args, env, System.in, out, err);
  }

  /** Runs one command line with {@code in} as its standard input; returns the exit code. */
  static int execute(
      String[] args, Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Tributary(env, in));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("tributary: " + e.getMessage());
          if (e instanceof ConfigException) {
            return USAGE;
          }
          if (e instanceof CatalogUnavailableException || e instanceof ServerStartException) {
            return UNAVAILABLE;
          }
          if (e instanceof CatalogException || e instanceof CliException) {
            return e instanceof CliException cli2 ? cli2.exitCode() : FAILED;
          }
          e.printStackTrace(commandLine.getErr());
          return FAILED;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Tributary.class.getPackage().getImplementationVersion();
      return new String[] {"tributary " + (v == null ? "(development build)" : v)};
    }
  }
}

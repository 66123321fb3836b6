package io.tributary.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that cannot go on, with the message to print and the exit code to return. The failures
 * of the client commands ({@code tenants}, {@code users}, {@code governance}) are ones.
 */
public class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /**
   * Runs a subcommand's {@code body} with its standard output: 0 when it ends, else the failure
   * printed as {@code tributary: <message>} (not a stack trace) and its exit code.
   */
  public static int run(CommandSpec spec, Consumer<PrintWriter> body) {
    PrintWriter out = spec.commandLine().getOut();
    try {
      body.accept(out);
      out.flush();
      return 0;
    } catch (CliException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("tributary: " + e.getMessage());
      err.flush();
      return e.exitCode();
    }
  }
}

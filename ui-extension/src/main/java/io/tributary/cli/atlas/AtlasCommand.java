package io.tributary.cli.atlas;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tributary atlas}: the Atlas commands; alone it asks for a subcommand. */
@Command(
    name = "atlas",
    description = "Work with a real Apache Atlas.",
    mixinStandardHelpOptions = true,
    subcommands = AtlasTypedefsCommand.class)
public final class AtlasCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: use 'atlas typedefs'");
  }
}

package io.tributary.cli.atlas;

import io.tributary.atlas.AtlasJson;
import io.tributary.atlas.AtlasTypedefExport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tributary atlas typedefs --print}: prints Tributary's streaming typedefs in the form to
 * register in Atlas ({@code curl -X POST .../api/atlas/v2/types/typedefs -d @file}).
 */
@Command(
    name = "typedefs",
    description =
        "Tributary's streaming typedefs for Atlas (POST to /api/atlas/v2/types/typedefs).",
    mixinStandardHelpOptions = true)
public final class AtlasTypedefsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--print", description = "Print the typedef JSON to standard output.")
  boolean print;

  @Override
  public Integer call() {
    if (!print) {
      throw new ParameterException(spec.commandLine(), "Nothing to do: use --print");
    }
    spec.commandLine().getOut().println(new AtlasTypedefExport(new AtlasJson()).forAtlasJson());
    spec.commandLine().getOut().flush();
    return 0;
  }
}

package io.tributary.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code tributary demo} as it was typed before the demo got its own jar: this jar carries no Kafka
 * broker, Kafka Streams or Flink, so it says where the demo is instead of failing on a missing
 * class. Hidden from the usage; any option is accepted and ignored.
 */
@Command(name = "demo", hidden = true, description = "Moved to tributary-demo.jar.")
final class DemoMovedCommand implements Callable<Integer> {
  static final String MESSAGE =
      "tributary: the demo has its own jar, which brings the Kafka broker, Kafka Streams and"
          + " Flink this one does without. Run it with\n"
          + "  java -jar demo/target/tributary-demo.jar [--port N] [--data-dir DIR]"
          + " [--kafka-port N] [--interval SECONDS] [--rate N]\n"
          + "(built by ./mvnw -B -DskipTests package). This jar serves the catalog: tributary"
          + " serve.";

  @Spec CommandSpec spec;

  @Unmatched List<String> ignored = new ArrayList<>();

  @Override
  public Integer call() {
    spec.commandLine().getErr().println(MESSAGE);
    return Tributary.USAGE;
  }
}

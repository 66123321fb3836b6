package io.tributary.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The demo jar's command line, up to the point where it would start anything. */
class DemoCommandTest {
  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = DemoCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void shouldListTheDemosOptionsInItsHelp() {
    Run help = run("--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("tributary-demo")
        .contains("--port")
        .contains("--data-dir")
        .contains("--kafka-port")
        .contains("--interval")
        .contains("--rate");
  }

  @Test
  void shouldAcceptDemoAsItsFirstArgumentAsTheServerJarDidOnce() {
    Run help = run("demo", "--help");
    Run badRate = run("demo", "--rate", "0");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).isEqualTo(run("--help").out());
    assertThat(badRate.exit()).isEqualTo(2);
    assertThat(badRate.err()).contains("Orders per second 0 not in 1..1000");
  }

  @Test
  void shouldExitWithTwoForAnUnknownOption() {
    Run unknown = run("--prot", "1");

    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("--prot");
  }
}

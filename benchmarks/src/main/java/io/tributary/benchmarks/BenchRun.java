package io.tributary.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the bench mains share: their numeric arguments, and the machine's load they report. */
public final class BenchRun {
  private BenchRun() {}

  /** Argument {@code index} as a number, or {@code fallback} when there are fewer arguments. */
  public static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }

  /** The load averages as {@code /proc/loadavg} gives them, or "unknown" elsewhere. */
  public static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}

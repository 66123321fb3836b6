package io.tributary.emitters.testing;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineageClientUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads what OpenLineage's file transport wrote: one JSON event per line. */
public final class EventFiles {
  private EventFiles() {}

  public static List<String> lines(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<RunEvent> events(Path file) {
    return lines(file).stream().map(OpenLineageClientUtils::runEventFromJson).toList();
  }
}

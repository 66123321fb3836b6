package io.tributary.ui;

import io.tributary.server.export.LineageExport;
import io.tributary.server.export.LineageExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An export format as a user would add one, found through this module's test resources ({@code
 * META-INF/services}): the qualified names of the graph's visible nodes, one per line.
 */
public final class NamesExporter implements LineageExporter {
  @Override
  public String format() {
    return "names";
  }

  @Override
  public String mediaType() {
    return "text/plain";
  }

  @Override
  public String fileExtension() {
    return "txt";
  }

  @Override
  public void write(LineageExport export, OutputStream out) throws IOException {
    StringBuilder text = new StringBuilder();
    export.nodes().stream()
        .filter(n -> n.entity() != null)
        .forEach(n -> text.append(n.qualifiedName()).append('\n'));
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}

package io.tributary.server.export;

import io.tributary.plugin.PluginRegistry;
import java.util.List;

/**
 * The export formats by name: the built-ins and any {@link LineageExporter} plug-in on the class
 * path, found through {@link java.util.ServiceLoader}.
 */
public final class LineageExporters {
  private static final String KIND = "Export format";

  private final PluginRegistry<LineageExporter> byName;

  private LineageExporters(PluginRegistry<LineageExporter> byName) {
    this.byName = byName;
  }

  /**
   * Every exporter listed in {@code META-INF/services/io.tributary.server.export.LineageExporter}
   * on the class path: Tributary's own, then those of plug-in jars.
   *
   * @throws io.tributary.plugin.PluginException when two exporters share a format name
   */
  public static LineageExporters load() {
    return new LineageExporters(
        PluginRegistry.load(LineageExporter.class, LineageExporter::format, KIND));
  }

  public List<String> formats() {
    return byName.names();
  }

  /**
   * @throws IllegalArgumentException naming the known formats when {@code format} is unknown
   */
  public LineageExporter get(String format) {
    return byName.get(format);
  }
}

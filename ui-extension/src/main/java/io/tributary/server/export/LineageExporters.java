package io.tributary.server.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The export formats by name. */
public final class LineageExporters {
  private final Map<String, LineageExporter> byName = new LinkedHashMap<>();

  public LineageExporters(List<LineageExporter> exporters) {
    for (LineageExporter e : exporters) {
      if (byName.put(e.format(), e) != null) {
        throw new IllegalArgumentException("Export format '" + e.format() + "' appears twice");
      }
    }
  }

  /** Every format Tributary ships. */
  public static LineageExporters standard() {
    return new LineageExporters(
        List.of(
            new AtlasLineageExporter(),
            new OpenLineageGraphExporter(),
            new GraphMlExporter(),
            new DotExporter(),
            new CsvExporter(),
            new SvgExporter(),
            new PngExporter()));
  }

  public List<String> formats() {
    return List.copyOf(byName.keySet());
  }

  /**
   * @throws IllegalArgumentException naming the known formats when {@code format} is unknown
   */
  public LineageExporter get(String format) {
    LineageExporter exporter =
        format == null ? null : byName.get(format.trim().toLowerCase(java.util.Locale.ROOT));
    if (exporter == null) {
      throw new IllegalArgumentException(
          "Export format '" + format + "' is unknown: use one of " + String.join(", ", formats()));
    }
    return exporter;
  }
}

package io.tributary.server.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a lineage graph in one format. A plug-in: implementations are found through {@link
 * java.util.ServiceLoader}, listed in {@code
 * META-INF/services/io.tributary.server.export.LineageExporter} with a public no-argument
 * constructor (docs/plugins.md).
 */
public interface LineageExporter {
  /** The name used in {@code ?format=}; unique among the installed exporters. */
  String format();

  String mediaType();

  /** Appended to the download's file name, without the dot. */
  String fileExtension();

  /**
   * Whether {@link #write} calls {@link LineageExport#drawing()}, whose layout is costly: the
   * server then refuses graphs too large to lay out.
   */
  default boolean needsDrawing() {
    return false;
  }

  void write(LineageExport export, OutputStream out) throws IOException;
}

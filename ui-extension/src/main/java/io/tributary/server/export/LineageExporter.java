package io.tributary.server.export;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a lineage graph in one format. */
public interface LineageExporter {
  /** The name used in {@code ?format=}. */
  String format();

  String mediaType();

  /** Appended to the download's file name, without the dot. */
  String fileExtension();

  void write(LineageExport export, OutputStream out) throws IOException;
}

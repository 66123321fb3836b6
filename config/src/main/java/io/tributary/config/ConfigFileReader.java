package io.tributary.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a config file of one format into dotted keys and their text. Java properties are read by
 * {@link ConfigLoader} itself; other formats (YAML) are given to it by the program, so that this
 * module needs no parser library.
 */
@FunctionalInterface
public interface ConfigFileReader {
  /**
   * @throws ConfigException when the file holds something other than keys and values
   */
  Map<String, String> read(Path file) throws IOException;
}

package io.tributary.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tributary.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a YAML config file for {@link io.tributary.config.ConfigLoader}, which has no YAML parser
 * of its own: nested mappings become dotted keys, {@code server: {port: 9090}} is {@code
 * server.port}.
 */
final class YamlConfigFile {
  private YamlConfigFile() {}

  static Map<String, String> read(Path file) throws IOException {
    JsonNode root = new YAMLMapper().readTree(file.toFile());
    Map<String, String> out = new TreeMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return out;
    }
    if (!root.isObject()) {
      throw new ConfigException("Config file " + file + " must hold a YAML mapping of keys");
    }
    flatten("", root, file, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Path file, Map<String, String> out) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e ->
                  flatten(
                      prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                      e.getValue(),
                      file,
                      out));
    } else if (node.isArray()) {
      throw new ConfigException(
          "Configuration key '" + prefix + "' in config file " + file + " is a list; use a value");
    } else {
      out.put(prefix, node.isNull() ? "" : node.asText());
    }
  }
}

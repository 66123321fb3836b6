package io.tributary.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Merges configuration sources in this order, later winning: declared defaults, the config file,
 * {@code TRIBUTARY_*} environment variables, command-line flags. Every source is checked whole: an
 * unknown key or a bad value is an error even when a later source would override it.
 */
public final class ConfigLoader {
  private static final String ENV_PREFIX = "TRIBUTARY_";

  private final Map<String, String> environment;

  /**
   * @param environment the process environment; only {@code TRIBUTARY_*} variables are read
   */
  public ConfigLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
  }

  public static ConfigLoader fromSystemEnvironment() {
    return new ConfigLoader(System.getenv());
  }

  /**
   * @param flags key names to text, from the command line
   */
  public Configuration load(Map<String, String> flags) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    Map<String, String> passThrough = new TreeMap<>();

    Map<String, String> fromEnv = environmentEntries();
    Map<String, String> fromFlags = new TreeMap<>(flags);
    String fileText =
        fromFlags.containsKey(Settings.CONFIG_FILE.name())
            ? fromFlags.get(Settings.CONFIG_FILE.name())
            : fromEnv.get(Settings.CONFIG_FILE.name());
    if (fileText != null) {
      Path file = Settings.CONFIG_FILE.parse(fileText, "the config file option");
      apply(readFile(file), "config file " + file, values, origins, passThrough, true);
    }
    apply(fromEnv, null, values, origins, passThrough, false);
    apply(fromFlags, "command-line flag", values, origins, passThrough, false);
    return new Configuration(values, origins, passThrough);
  }

  /** TRIBUTARY_* variables by the key they name; an unknown one is an error. */
  private Map<String, String> environmentEntries() {
    Map<String, String> byKey = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
      if (!e.getKey().startsWith(ENV_PREFIX)) {
        continue;
      }
      Setting<?> setting =
          Settings.ALL.stream()
              .filter(s -> s.environmentVariable().equals(e.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "Environment variable "
                              + e.getKey()
                              + " names no configuration key"
                              + suggestion(e.getKey().substring(ENV_PREFIX.length()), true)
                              + " (keys with a prefix such as janusgraph.* can be set only in"
                              + " the config file or with --set)"));
      byKey.put(setting.name(), e.getValue());
    }
    return byKey;
  }

  /** Parses one source's entries into the merged maps, later calls overriding earlier ones. */
  private static void apply(
      Map<String, String> entries,
      String source,
      Map<String, Object> values,
      Map<String, String> origins,
      Map<String, String> passThrough,
      boolean isFile) {
    for (Map.Entry<String, String> e : entries.entrySet()) {
      String key = e.getKey();
      String origin =
          source == null ? "environment variable " + Setting.environmentVariable(key) : source;
      var setting = Settings.find(key);
      if (setting.isPresent()) {
        if (isFile && setting.get() == Settings.CONFIG_FILE) {
          throw new ConfigException(
              "Configuration key 'config.file' cannot be set inside a config file ("
                  + source
                  + ")");
        }
        values.put(key, setting.get().parse(e.getValue(), origin));
        origins.put(key, origin);
      } else if (Settings.findPrefix(key).isPresent()) {
        passThrough.put(key, e.getValue());
      } else {
        throw new ConfigException(
            "Unknown configuration key '" + key + "' in " + origin + suggestion(key, false));
      }
    }
  }

  private static Map<String, String> readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("Config file " + file + " does not exist or is not a file");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".yml") || name.endsWith(".yaml")) {
        return readYaml(file);
      }
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      Map<String, String> out = new TreeMap<>();
      properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k)));
      return out;
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("Config file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Nested YAML maps become dotted keys: {@code server: {port: 9090}} is {@code server.port}. */
  private static Map<String, String> readYaml(Path file) throws IOException {
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

  /** ", did you mean 'server.port'?" for a near miss, else "". */
  private static String suggestion(String key, boolean envStyle) {
    String wanted = key.toLowerCase(Locale.ROOT);
    return Settings.ALL.stream()
        .map(Setting::name)
        .min(Comparator.comparingInt(n -> distance(wanted, envStyle ? envStyle(n) : n)))
        .filter(n -> distance(wanted, envStyle ? envStyle(n) : n) <= 3)
        .map(
            n ->
                envStyle
                    ? ", did you mean " + Setting.environmentVariable(n) + "?"
                    : ", did you mean '" + n + "'?")
        .orElse("");
  }

  private static String envStyle(String name) {
    return name.replace('.', '_').replace('-', '_');
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}

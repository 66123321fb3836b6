package io.tributary.config;

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
  /** The loader's own key: declare it in the {@link ConfigDef} of a program that reads files. */
  public static final Setting<Path> CONFIG_FILE =
      Setting.of(
          "config.file",
          ValueType.path(),
          null,
          "A configuration file to read: YAML when its name ends in `.yml` or `.yaml`, Java"
              + " properties otherwise. Set it with `--config` or `TRIBUTARY_CONFIG_FILE`; it"
              + " cannot name itself inside a file.");

  private static final String ENV_PREFIX = "TRIBUTARY_";

  private final ConfigDef declared;
  private final Map<String, String> environment;
  private final ConfigFileReader yaml;

  /**
   * A loader of Java properties files; see {@link #withYamlReader} for YAML.
   *
   * @param declared every key and prefix the program accepts
   * @param environment the process environment; only {@code TRIBUTARY_*} variables are read
   */
  public ConfigLoader(ConfigDef declared, Map<String, String> environment) {
    this(declared, environment, null);
  }

  private ConfigLoader(ConfigDef declared, Map<String, String> environment, ConfigFileReader yaml) {
    this.declared = Objects.requireNonNull(declared, "declared");
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.yaml = yaml;
  }

  /** A copy that reads files ending in {@code .yml} or {@code .yaml} with {@code reader}. */
  public ConfigLoader withYamlReader(ConfigFileReader reader) {
    return new ConfigLoader(declared, environment, Objects.requireNonNull(reader, "reader"));
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
        fromFlags.containsKey(CONFIG_FILE.name())
            ? fromFlags.get(CONFIG_FILE.name())
            : fromEnv.get(CONFIG_FILE.name());
    if (fileText != null && declared.find(CONFIG_FILE.name()).isPresent()) {
      Path file = CONFIG_FILE.parse(fileText, "the config file option");
      apply(readFile(file), "config file " + file, values, origins, passThrough, true);
    }
    apply(fromEnv, null, values, origins, passThrough, false);
    apply(fromFlags, "command-line flag", values, origins, passThrough, false);
    return new Configuration(declared, values, origins, passThrough);
  }

  /** TRIBUTARY_* variables by the key they name; an unknown one is an error. */
  private Map<String, String> environmentEntries() {
    Map<String, String> byKey = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
      if (!e.getKey().startsWith(ENV_PREFIX)) {
        continue;
      }
      Setting<?> setting =
          declared.settings().stream()
              .filter(s -> s.environmentVariable().equals(e.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "Environment variable "
                              + e.getKey()
                              + " names no configuration key"
                              + suggestion(e.getKey().substring(ENV_PREFIX.length()), true)
                              + prefixHint()));
      byKey.put(setting.name(), e.getValue());
    }
    return byKey;
  }

  /** Pass-through keys have no environment variable: their names do not survive the mapping. */
  private String prefixHint() {
    return declared.prefixes().isEmpty()
        ? ""
        : " (keys with a prefix such as "
            + declared.prefixes().get(0).prefix()
            + "* can be set only in the config file or with --set)";
  }

  /** Parses one source's entries into the merged maps, later calls overriding earlier ones. */
  private void apply(
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
      var setting = declared.find(key);
      if (setting.isPresent()) {
        if (isFile && setting.get().name().equals(CONFIG_FILE.name())) {
          throw new ConfigException(
              "Configuration key 'config.file' cannot be set inside a config file ("
                  + source
                  + ")");
        }
        values.put(key, setting.get().parse(e.getValue(), origin));
        origins.put(key, origin);
      } else if (declared.findPrefix(key).isPresent()) {
        passThrough.put(key, e.getValue());
      } else {
        throw new ConfigException(
            "Unknown configuration key '" + key + "' in " + origin + suggestion(key, false));
      }
    }
  }

  private Map<String, String> readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("Config file " + file + " does not exist or is not a file");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".yml") || name.endsWith(".yaml")) {
        if (yaml == null) {
          throw new ConfigException(
              "Config file " + file + " is YAML, which this program does not read: use properties");
        }
        return yaml.read(file);
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

  /** ", did you mean 'server.port'?" for a near miss, else "". */
  private String suggestion(String key, boolean envStyle) {
    String wanted = key.toLowerCase(Locale.ROOT);
    return declared.settings().stream()
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

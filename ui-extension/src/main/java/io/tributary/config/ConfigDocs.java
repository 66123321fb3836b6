package io.tributary.config;

/** Renders {@code docs/configuration.md} from the declarations in {@link Settings}. */
public final class ConfigDocs {
  private ConfigDocs() {}

  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Configuration\n\n")
        .append(
            "<!-- Generated from io.tributary.config.Settings by ConfigurationDocsTest; do not"
                + " edit by hand. -->\n\n")
        .append("The catalog server (`tributary serve`) reads its configuration from four")
        .append(" sources; a later one wins:\n\n")
        .append("1. the defaults below;\n")
        .append("2. a config file (`--config FILE` or `TRIBUTARY_CONFIG_FILE`): YAML when its")
        .append(" name ends in `.yml` or `.yaml` (nested mappings become dotted keys), Java")
        .append(" properties otherwise;\n")
        .append("3. environment variables: `TRIBUTARY_` and the key in upper case with `.` and")
        .append(" `-` as `_` (`server.port` is `TRIBUTARY_SERVER_PORT`);\n")
        .append("4. command-line flags: `--port`, `--host`, `--data-dir`, `--config`, and")
        .append(" `--set key=value` for any key.\n\n")
        .append("An unknown key in the file or in `--set`, a `TRIBUTARY_*` variable that names")
        .append(" no key, and a value that does not parse are errors that name the key, the")
        .append(" value and where it came from; the server does not start.\n\n")
        .append("## Keys\n\n")
        .append("| key | type | default | environment variable | description |\n")
        .append("|---|---|---|---|---|\n");
    for (Setting<?> s : Settings.ALL) {
      out.append("| `")
          .append(s.name())
          .append("` | ")
          .append(s.type().name())
          .append(" | ")
          .append(defaultText(s))
          .append(" | `")
          .append(s.environmentVariable())
          .append("` | ")
          .append(s.doc().replace("|", "\\|"))
          .append(" |\n");
    }
    out.append("\n## Pass-through keys\n\n")
        .append("Keys that start with these prefixes are not checked by Tributary; they can be")
        .append(" set in the config file or with `--set`, not from the environment.\n\n")
        .append("| prefix | description | example |\n")
        .append("|---|---|---|\n");
    for (PrefixSetting p : Settings.PREFIXES) {
      out.append("| `")
          .append(p.prefix())
          .append("*` | ")
          .append(p.doc().replace("|", "\\|"))
          .append(" | `")
          .append(p.example())
          .append("` |\n");
    }
    return out.toString();
  }

  private static <T> String defaultText(Setting<T> s) {
    if (s.defaultValue() == null) {
      return "(unset)";
    }
    return "`" + s.type().format().apply(s.defaultValue()) + "`";
  }
}

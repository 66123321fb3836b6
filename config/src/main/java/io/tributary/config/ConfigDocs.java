package io.tributary.config;

/**
 * Renders declarations as Markdown tables, so that reference pages are generated from the same
 * {@link ConfigDef} the loader reads with; a test in each documented module keeps its page in step.
 */
public final class ConfigDocs {
  private ConfigDocs() {}

  /** Key, type, default and description of every declared key, in declaration order. */
  public static String keysTable(ConfigDef declared) {
    return keys(declared, false);
  }

  /** As {@link #keysTable}, with the {@code TRIBUTARY_*} environment variable of each key. */
  public static String keysTableWithEnvironment(ConfigDef declared) {
    return keys(declared, true);
  }

  /** Prefix, description and example of every pass-through prefix. */
  public static String prefixTable(ConfigDef declared) {
    StringBuilder out = new StringBuilder();
    out.append("| prefix | description | example |\n").append("|---|---|---|\n");
    for (PrefixSetting p : declared.prefixes()) {
      out.append("| `")
          .append(p.prefix())
          .append("*` | ")
          .append(cell(p.doc()))
          .append(" | `")
          .append(p.example())
          .append("` |\n");
    }
    return out.toString();
  }

  private static String keys(ConfigDef declared, boolean withEnvironment) {
    StringBuilder out = new StringBuilder();
    out.append(
            withEnvironment
                ? "| key | type | default | environment variable | description |\n"
                : "| key | type | default | description |\n")
        .append(withEnvironment ? "|---|---|---|---|---|\n" : "|---|---|---|---|\n");
    for (Setting<?> s : declared.settings()) {
      out.append("| `")
          .append(s.name())
          .append("` | ")
          .append(cell(s.type().name()))
          .append(" | ")
          .append(defaultText(s));
      if (withEnvironment) {
        out.append(" | `").append(s.environmentVariable()).append('`');
      }
      out.append(" | ").append(cell(s.doc())).append(" |\n");
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  private static <T> String defaultText(Setting<T> s) {
    if (s.defaultDoc() != null) {
      return cell(s.defaultDoc());
    }
    if (s.defaultValue() == null) {
      return "(unset)";
    }
    return "`" + s.type().format().apply(s.defaultValue()) + "`";
  }
}

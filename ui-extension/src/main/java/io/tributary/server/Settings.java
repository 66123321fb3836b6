package io.tributary.server;

import io.tributary.catalog.CatalogSettings;
import io.tributary.catalog.spi.CatalogBackends;
import io.tributary.cluster.ClusterSettings;
import io.tributary.config.ConfigDef;
import io.tributary.config.ConfigDocs;
import io.tributary.config.ConfigLoader;
import io.tributary.ingest.IngestSettings;
import io.tributary.ranger.PolicySettings;
import io.tributary.ranger.audit.AuditSettings;
import io.tributary.ranger.audit.AuditSinks;
import io.tributary.ranger.auth.AuthSettings;
import io.tributary.ranger.governance.GovernanceSettings;
import io.tributary.ranger.tenancy.QuotaSettings;
import io.tributary.search.SearchSettings;
import java.util.Map;

/**
 * Everything the catalog server accepts: each module's keys, declared there next to the code that
 * reads them, and gathered here. A key declared by two modules stops the class from loading.
 */
public final class Settings {
  public static final ConfigDef ALL =
      ConfigDef.concat(
          ServerSettings.ALL,
          CatalogSettings.ALL,
          IngestSettings.ALL,
          AuthSettings.ALL,
          PolicySettings.ALL,
          AuditSettings.ALL,
          QuotaSettings.ALL,
          SearchSettings.ALL,
          GovernanceSettings.ALL,
          ClusterSettings.ALL,
          CatalogBackends.settings());

  private Settings() {}

  /**
   * The server's loader: every module's keys and the keys of audit sink plug-ins on the class path;
   * YAML files as well as properties.
   *
   * @param environment the process environment; only {@code TRIBUTARY_*} variables are read
   */
  public static ConfigLoader loader(Map<String, String> environment) {
    return new ConfigLoader(ConfigDef.concat(ALL, AuditSinks.load().settings()), environment)
        .withYamlReader(YamlConfigFile::read);
  }

  /** {@code docs/configuration.md}: how sources merge, then every key and prefix by name. */
  public static String referencePage() {
    ConfigDef byName = ALL.sorted();
    return new StringBuilder()
        .append("# Configuration\n\n")
        .append(
            "<!-- Generated from the modules' declarations (gathered in"
                + " io.tributary.server.Settings) by ConfigurationDocsTest; do not edit by hand."
                + " -->\n\n")
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
        .append("Each module declares its own keys, next to the code that reads them (for")
        .append(" example `IngestSettings` in atlas-hooks, `AuthSettings` in ranger-policies);")
        .append(
            " catalog backends (`JanusBackend` in catalog-janus) and audit sink plug-ins declare theirs (docs/plugins.md).\n\n")
        .append("## Keys\n\n")
        .append(ConfigDocs.keysTableWithEnvironment(byName))
        .append("\n## Pass-through keys\n\n")
        .append("Keys that start with these prefixes are not checked by Tributary; they can be")
        .append(" set in the config file or with `--set`, not from the environment.\n\n")
        .append(ConfigDocs.prefixTable(byName))
        .toString();
  }
}

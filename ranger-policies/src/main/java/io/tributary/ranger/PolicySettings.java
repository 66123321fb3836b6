package io.tributary.ranger;

import io.tributary.config.ConfigDef;
import io.tributary.config.PrefixSetting;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The configuration keys of the authorizer: where Ranger policies live and how they are read. */
public final class PolicySettings {
  public static final String SOURCE_LOCAL = "local";
  public static final String SOURCE_RANGER_ADMIN = "ranger-admin";

  public static final Setting<String> SOURCE =
      Setting.of(
          "policy.source",
          ValueType.oneOf(List.of(SOURCE_LOCAL, SOURCE_RANGER_ADMIN)),
          SOURCE_LOCAL,
          "Where Ranger policies live: JSON files in `policy.local.dir` (no Ranger server"
              + " needed), or Ranger Admin at `policy.ranger-admin.url`, which also receives the"
              + " policies of tenants and shares.");

  public static final Setting<Path> LOCAL_DIR =
      Setting.of(
          "policy.local.dir",
          ValueType.path(),
          null,
          "The directory of policy files (Ranger `ServicePolicies` JSON), read again at every"
              + " poll; a malformed file is rejected and its last good content stays in force."
              + " Unset: `<data.dir>/policies`.");

  public static final Setting<Path> TAGS_FILE =
      Setting.of(
          "policy.tags-file",
          ValueType.path(),
          null,
          "A Ranger `ServiceTags` file for tag policies (local source only). Unset:"
              + " `<data.dir>/tags.json`, if it exists.");

  public static final Setting<String> RANGER_ADMIN_URL =
      Setting.of(
          "policy.ranger-admin.url",
          ValueType.string(),
          null,
          "Ranger Admin's base URL, such as `http://ranger:6080` (with `policy.source:"
              + " ranger-admin`).");

  public static final Setting<String> RANGER_ADMIN_SERVICE =
      Setting.of(
          "policy.ranger-admin.service-name",
          ValueType.string(),
          "tributary",
          "The name of the `tributary` service in Ranger Admin.");

  public static final Setting<String> RANGER_ADMIN_USERNAME =
      Setting.of(
          "policy.ranger-admin.username",
          ValueType.string(),
          null,
          "The Ranger Admin user that writes the policies of tenants and shares.");

  public static final Setting<String> RANGER_ADMIN_PASSWORD =
      Setting.of(
              "policy.ranger-admin.password",
              ValueType.string(),
              null,
              "The password of `policy.ranger-admin.username`.")
          .asSecret();

  public static final Setting<Duration> POLL_INTERVAL =
      Setting.of(
          "policy.poll-interval",
          ValueType.duration(Duration.ofMillis(100), Duration.ofHours(1)),
          Duration.ofSeconds(30),
          "How often policies (and tags) are read again; changes made through the tenant API"
              + " are picked up at once.");

  public static final Setting<Path> CACHE_DIR =
      Setting.of(
          "policy.cache-dir",
          ValueType.path(),
          null,
          "Where the Ranger plugin keeps the last policies, roles and tags it loaded, used when"
              + " the source cannot be reached at start. Unset: `<data.dir>/ranger-cache`.");

  public static final PrefixSetting RANGER_PLUGIN =
      new PrefixSetting(
          "ranger.plugin.tributary.",
          "Passed to the Ranger plugin as they are, after Tributary's own, so they can override"
              + " them: Ranger Admin's TLS settings, audit and refresher options.",
          "ranger.plugin.tributary.policy.rest.ssl.config.file: /etc/tributary/ranger-ssl.xml");

  public static final ConfigDef ALL =
      ConfigDef.of(
              SOURCE,
              LOCAL_DIR,
              TAGS_FILE,
              RANGER_ADMIN_URL,
              RANGER_ADMIN_SERVICE,
              RANGER_ADMIN_USERNAME,
              RANGER_ADMIN_PASSWORD,
              POLL_INTERVAL,
              CACHE_DIR)
          .withPrefixes(RANGER_PLUGIN);

  private PolicySettings() {}
}

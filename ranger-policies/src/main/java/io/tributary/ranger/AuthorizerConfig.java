package io.tributary.ranger;

import io.tributary.ranger.servicedef.ServiceDefinitions;
import io.tributary.ranger.source.LocalPolicySource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How the authorizer gets its policies: from local files (the embedded default) or from Ranger
 * Admin.
 *
 * @param policyDir directory of policy files (local files only)
 * @param tagsFile {@code ServiceTags} file, or null for none (local files only)
 * @param rangerAdminUrl Ranger Admin's base URL, for example {@code http://ranger:6080} (Ranger
 *     Admin only)
 * @param cacheDir where the plugin keeps its last downloaded policies and tags, used when the
 *     source cannot be reached at start
 * @param rangerProperties further {@code ranger.plugin.tributary.*} settings, applied last
 */
public record AuthorizerConfig(
    Source source,
    String serviceName,
    String appId,
    Path policyDir,
    Path tagsFile,
    String rangerAdminUrl,
    Path cacheDir,
    Duration pollInterval,
    Duration tagPollInterval,
    Map<String, String> rangerProperties) {

  public enum Source {
    LOCAL_FILES,
    RANGER_ADMIN
  }

  public static final String PREFIX = "ranger.plugin." + ServiceDefinitions.SERVICE_TYPE;

  public AuthorizerConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(cacheDir, "cacheDir");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(tagPollInterval, "tagPollInterval");
    if (source == Source.LOCAL_FILES && policyDir == null) {
      throw new IllegalArgumentException("local policy files need a policy directory");
    }
    if (source == Source.RANGER_ADMIN && (rangerAdminUrl == null || rangerAdminUrl.isBlank())) {
      throw new IllegalArgumentException("Ranger Admin as policy source needs its URL");
    }
    rangerProperties = rangerProperties == null ? Map.of() : Map.copyOf(rangerProperties);
  }

  /**
   * The embedded default under a data directory: policies in {@code ranger/policies/}, tags in
   * {@code ranger/tags.json}, the plugin cache in {@code ranger/cache/}.
   */
  public static AuthorizerConfig localFiles(Path dataDir) {
    Path ranger = dataDir.resolve("ranger");
    return new AuthorizerConfig(
        Source.LOCAL_FILES,
        ServiceDefinitions.SERVICE_TYPE,
        ServiceDefinitions.SERVICE_TYPE,
        ranger.resolve("policies"),
        ranger.resolve("tags.json"),
        null,
        ranger.resolve("cache"),
        PolicySettings.POLL_INTERVAL.defaultValue(),
        PolicySettings.POLL_INTERVAL.defaultValue(),
        Map.of());
  }

  public static AuthorizerConfig rangerAdmin(String url, String serviceName, Path cacheDir) {
    return new AuthorizerConfig(
        Source.RANGER_ADMIN,
        serviceName,
        ServiceDefinitions.SERVICE_TYPE,
        null,
        null,
        url,
        cacheDir,
        PolicySettings.POLL_INTERVAL.defaultValue(),
        Duration.ofSeconds(60),
        Map.of());
  }

  public AuthorizerConfig withPollInterval(Duration policies, Duration tags) {
    return new AuthorizerConfig(
        source,
        serviceName,
        appId,
        policyDir,
        tagsFile,
        rangerAdminUrl,
        cacheDir,
        policies,
        tags,
        rangerProperties);
  }

  public AuthorizerConfig withRangerProperties(Map<String, String> properties) {
    return new AuthorizerConfig(
        source,
        serviceName,
        appId,
        policyDir,
        tagsFile,
        rangerAdminUrl,
        cacheDir,
        pollInterval,
        tagPollInterval,
        properties);
  }

  /** The properties a {@code RangerPluginConfig} is built from. */
  public Properties pluginProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(PREFIX + ".service.name", serviceName);
    props.put(PREFIX + ".policy.cache.dir", cacheDir.toString());
    props.put(PREFIX + ".policy.pollIntervalMs", Long.toString(pollInterval.toMillis()));
    // Decisions must not wait on Ranger's global audit providers: this module audits itself.
    props.put("xasecure.audit.is.enabled", "false");
    if (source == Source.LOCAL_FILES) {
      props.put(PREFIX + ".policy.source.impl", LocalPolicySource.class.getName());
      props.put(PREFIX + LocalPolicySource.DIR, policyDir.toString());
      if (tagsFile != null) {
        props.put(PREFIX + LocalPolicySource.TAGS_FILE, tagsFile.toString());
      }
      props.put(PREFIX + LocalPolicySource.TAG_POLL_MS, Long.toString(tagPollInterval.toMillis()));
    } else {
      props.put(PREFIX + ".policy.rest.url", rangerAdminUrl);
      props.put(PREFIX + ".policy.rest.client.max.retry.attempts", "1");
    }
    props.putAll(rangerProperties);
    Properties properties = new Properties();
    properties.putAll(props);
    return properties;
  }
}

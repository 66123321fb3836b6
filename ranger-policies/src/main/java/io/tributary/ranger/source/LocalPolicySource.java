package io.tributary.ranger.source;

import io.tributary.ranger.servicedef.ServiceDefinitions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.ranger.admin.client.AbstractRangerAdminClient;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.model.RangerServiceDef;
import org.apache.ranger.plugin.util.JsonUtilsV2;
import org.apache.ranger.plugin.util.ServicePolicies;
import org.apache.ranger.plugin.util.ServiceTags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranger policy source for the embedded catalog: policies from the JSON files of a directory and
 * tags from a {@code ServiceTags} file, served to {@code RangerBasePlugin} as Ranger Admin would
 * serve them. Ranger instantiates this class by name ({@code
 * ranger.plugin.tributary.policy.source.impl}) and configures it through the plugin's properties:
 *
 * <ul>
 *   <li>{@code <prefix>.policy.source.local.dir}: the policy directory (required)
 *   <li>{@code <prefix>.policy.source.local.tags.file}: the tags file (optional)
 *   <li>{@code <prefix>.policy.source.local.tag.service.name}: the tag service's name (default
 *       {@code <service>_tag})
 *   <li>{@code <prefix>.policy.source.local.tag.pollIntervalMs}: how often tags are reread
 * </ul>
 */
public class LocalPolicySource extends AbstractRangerAdminClient {
  public static final String DIR = ".policy.source.local.dir";
  public static final String TAGS_FILE = ".policy.source.local.tags.file";
  public static final String TAG_SERVICE = ".policy.source.local.tag.service.name";
  public static final String TAG_POLL_MS = ".policy.source.local.tag.pollIntervalMs";

  private static final Logger LOG = LoggerFactory.getLogger(LocalPolicySource.class);

  private String serviceName;
  private String tagServiceName;
  private RangerServiceDef serviceDef;
  private RangerServiceDef tagServiceDef;
  private PolicyDirectory directory;
  private TagsFile tagsFile;

  /** Ranger creates policy sources reflectively, then calls {@link #init}. */
  public LocalPolicySource() {}

  @Override
  public void init(String serviceName, String appId, String prefix, Configuration config) {
    super.init(serviceName, appId, prefix, config);
    String dir = config.get(prefix + DIR);
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          prefix + DIR + " is not set: the policy directory is required");
    }
    this.serviceName = serviceName;
    this.tagServiceName = config.get(prefix + TAG_SERVICE, serviceName + "_tag");
    this.serviceDef = ServiceDefinitions.tributary();
    this.tagServiceDef =
        ServiceDefinitions.tagFor(
            serviceDef, Duration.ofMillis(config.getLong(prefix + TAG_POLL_MS, 30_000L)));
    this.directory =
        new PolicyDirectory(
            Path.of(dir), new PolicyValidator(serviceDef), new PolicyValidator(tagServiceDef));
    String tags = config.get(prefix + TAGS_FILE);
    this.tagsFile =
        tags == null || tags.isBlank()
            ? null
            : new TagsFile(Path.of(tags), serviceName, serviceDef);
    LOG.info(
        "Local policy source for service '{}': policies from {}, tags from {}",
        serviceName,
        dir,
        tags == null ? "(none)" : tags);
  }

  @Override
  public ServicePolicies getServicePoliciesIfUpdated(long lastKnownVersion, long lastActivation)
      throws IOException {
    PolicyDirectory.Snapshot snapshot = directory.poll();
    if (snapshot.version() == lastKnownVersion) {
      return null;
    }
    ServicePolicies policies = new ServicePolicies();
    policies.setServiceName(serviceName);
    policies.setServiceId(1L);
    policies.setPolicyVersion(snapshot.version());
    policies.setPolicyUpdateTime(new Date());
    policies.setServiceDef(copy(serviceDef, RangerServiceDef.class));
    policies.setPolicies(forService(snapshot.policies(), serviceName, 1_000_000L));
    ServicePolicies.TagPolicies tagPolicies = new ServicePolicies.TagPolicies();
    tagPolicies.setServiceName(tagServiceName);
    tagPolicies.setServiceId(2L);
    tagPolicies.setPolicyVersion(snapshot.version());
    tagPolicies.setPolicyUpdateTime(new Date());
    tagPolicies.setServiceDef(copy(tagServiceDef, RangerServiceDef.class));
    tagPolicies.setPolicies(forService(snapshot.tagPolicies(), tagServiceName, 2_000_000L));
    policies.setTagPolicies(tagPolicies);
    return policies;
  }

  @Override
  public ServiceTags getServiceTagsIfUpdated(long lastKnownVersion, long lastActivation) {
    if (tagsFile == null) {
      return null;
    }
    ServiceTags tags = tagsFile.poll();
    if (tags == null || tags.getTagVersion() == lastKnownVersion) {
      return null;
    }
    return tags;
  }

  /** The files in force and those rejected. */
  public PolicyFileStatus status() {
    PolicyFileStatus files = directory.status();
    if (tagsFile == null || tagsFile.error() == null) {
      return files;
    }
    Map<String, String> rejected = new java.util.LinkedHashMap<>(files.rejected());
    rejected.put("(tags file)", tagsFile.error());
    return new PolicyFileStatus(files.policyVersion(), files.files(), rejected);
  }

  /**
   * Fresh copies for the engine (it may normalise what it is given), with the service set and an id
   * for policies that have none, stable across reloads.
   */
  private static List<RangerPolicy> forService(
      List<RangerPolicy> policies, String service, long idBase) throws IOException {
    List<RangerPolicy> copies = new ArrayList<>();
    java.util.Set<Long> used = new java.util.HashSet<>();
    policies.stream()
        .map(RangerPolicy::getId)
        .filter(java.util.Objects::nonNull)
        .forEach(used::add);
    for (RangerPolicy policy : policies) {
      RangerPolicy copy = copy(policy, RangerPolicy.class);
      copy.setService(service);
      if (copy.getId() == null) {
        long id = idBase + Math.floorMod(policy.getName().hashCode(), 1_000_000_000L);
        while (!used.add(id)) {
          id++;
        }
        copy.setId(id);
      }
      copies.add(copy);
    }
    return copies;
  }

  private static <T> T copy(Object value, Class<T> type) throws IOException {
    return JsonUtilsV2.jsonToObj(JsonUtilsV2.nonSerializableObjToJson(value), type);
  }
}

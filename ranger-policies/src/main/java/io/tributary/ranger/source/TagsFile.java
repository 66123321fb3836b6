package io.tributary.ranger.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ranger.plugin.model.RangerServiceDef;
import org.apache.ranger.plugin.model.RangerServiceResource;
import org.apache.ranger.plugin.util.JsonUtilsV2;
import org.apache.ranger.plugin.util.ServiceTags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code ServiceTags} JSON file (the document Ranger's tag sync keeps in Ranger Admin): which
 * resources carry which tags. Reread when its content changes; malformed content is rejected and
 * the last good tags stay in force.
 */
final class TagsFile {
  private static final Logger LOG = LoggerFactory.getLogger(TagsFile.class);

  private final Path file;
  private final String serviceName;
  private final Set<String> resourceNames;
  private byte[] lastContent;
  private String lastGoodJson;
  private long version;
  private String error;

  TagsFile(Path file, String serviceName, RangerServiceDef serviceDef) {
    this.file = file;
    this.serviceName = serviceName;
    this.resourceNames =
        serviceDef.getResources().stream()
            .map(RangerServiceDef.RangerResourceDef::getName)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The tags in force, as a fresh copy, or null when there are none. */
  synchronized ServiceTags poll() {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      content = null;
    } catch (IOException e) {
      LOG.error("Cannot read tags file {}: {}; last good tags stay in force", file, e.toString());
      return current();
    }
    if (!Arrays.equals(content, lastContent)) {
      lastContent = content;
      load(content);
    }
    return current();
  }

  synchronized String error() {
    return error;
  }

  private void load(byte[] content) {
    if (content == null) {
      if (lastGoodJson != null) {
        LOG.info("Tags file {} removed; tags are withdrawn", file);
        lastGoodJson = null;
        version++;
      }
      error = null;
      return;
    }
    try {
      ServiceTags tags =
          JsonUtilsV2.jsonToObj(new String(content, StandardCharsets.UTF_8), ServiceTags.class);
      if (tags == null) {
        throw new IOException("is empty");
      }
      validate(tags);
      tags.setServiceName(serviceName);
      version++;
      tags.setTagVersion(version);
      tags.setTagUpdateTime(new Date());
      lastGoodJson = JsonUtilsV2.objToJson(tags);
      error = null;
      LOG.info(
          "Tags file {} loaded: {} tagged resources, {} tags",
          file,
          tags.getServiceResources() == null ? 0 : tags.getServiceResources().size(),
          tags.getTags() == null ? 0 : tags.getTags().size());
    } catch (IOException | RuntimeException e) {
      error = e.getMessage();
      LOG.error(
          "Tags file {} rejected: {}; {}",
          file,
          error,
          lastGoodJson == null ? "no tags are in force" : "its last good version stays in force");
    }
  }

  private void validate(ServiceTags tags) throws IOException {
    if (tags.getServiceResources() == null) {
      return;
    }
    for (RangerServiceResource resource : tags.getServiceResources()) {
      if (resource.getId() == null) {
        throw new IOException("a service resource has no 'id'");
      }
      if (resource.getResourceElements() == null || resource.getResourceElements().isEmpty()) {
        throw new IOException("service resource " + resource.getId() + " has no resourceElements");
      }
      for (String key : resource.getResourceElements().keySet()) {
        if (!resourceNames.contains(key)) {
          throw new IOException(
              "service resource "
                  + resource.getId()
                  + " names resource '"
                  + key
                  + "'; known: "
                  + resourceNames);
        }
      }
      if (tags.getResourceToTagIds() == null
          || !tags.getResourceToTagIds().containsKey(resource.getId())) {
        throw new IOException("service resource " + resource.getId() + " has no resourceToTagIds");
      }
    }
    if (tags.getResourceToTagIds() != null) {
      for (var entry : tags.getResourceToTagIds().entrySet()) {
        for (Long tagId : entry.getValue()) {
          if (tags.getTags() == null || !tags.getTags().containsKey(tagId)) {
            throw new IOException(
                "resource "
                    + entry.getKey()
                    + " refers to tag id "
                    + tagId
                    + ", which is not in 'tags'");
          }
        }
      }
    }
  }

  private ServiceTags current() {
    if (lastGoodJson == null) {
      return null;
    }
    try {
      return JsonUtilsV2.jsonToObj(lastGoodJson, ServiceTags.class);
    } catch (IOException e) {
      throw new IllegalStateException("tags serialised by this class cannot be read back", e);
    }
  }

  synchronized long version() {
    return version;
  }
}

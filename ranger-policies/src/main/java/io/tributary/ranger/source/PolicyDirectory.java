package io.tributary.ranger.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.util.JsonUtilsV2;
import org.apache.ranger.plugin.util.ServicePolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code *.json} policy files of one directory, each a {@code ServicePolicies} document of
 * which {@code policies} and {@code tagPolicies.policies} are read (so a policy download from
 * Ranger Admin is a valid file). Each poll rereads changed files; a file whose new content is
 * malformed or conflicts with policies in force is rejected with an error naming the file, and its
 * last good content stays in force.
 */
final class PolicyDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyDirectory.class);

  /** Policies read from one file. */
  record Content(List<RangerPolicy> policies, List<RangerPolicy> tagPolicies) {
    Content {
      policies = List.copyOf(policies);
      tagPolicies = List.copyOf(tagPolicies);
    }

    int size() {
      return policies.size() + tagPolicies.size();
    }
  }

  /** The merged policies in force. */
  record Snapshot(long version, List<RangerPolicy> policies, List<RangerPolicy> tagPolicies) {}

  private record FileState(byte[] digest, Content lastGood, String error) {}

  private final Path directory;
  private final PolicyValidator validator;
  private final PolicyValidator tagValidator;
  private Map<String, FileState> states = new LinkedHashMap<>();
  private List<RangerPolicy> merged = List.of();
  private List<RangerPolicy> mergedTags = List.of();
  private long version;

  PolicyDirectory(Path directory, PolicyValidator validator, PolicyValidator tagValidator) {
    this.directory = directory;
    this.validator = validator;
    this.tagValidator = tagValidator;
  }

  /** Rereads changed files and returns the policies in force. */
  synchronized Snapshot poll() {
    Map<String, byte[]> contents = readAll();
    Map<String, FileState> next = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    Set<Long> ids = new HashSet<>();
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : contents.entrySet()) {
      FileState old = states.get(file.getKey());
      byte[] digest = sha256(file.getValue());
      if (old != null && Arrays.equals(old.digest(), digest)) {
        next.put(file.getKey(), old);
        if (old.lastGood() != null) {
          claim(old.lastGood(), names, ids);
        }
      } else {
        changed.add(file.getKey());
      }
    }
    for (String file : changed) {
      byte[] bytes = contents.get(file);
      FileState old = states.get(file);
      Content lastGood = old == null ? null : old.lastGood();
      String error;
      Content content = null;
      try {
        content = parse(file, bytes);
        error = conflicts(content, names, ids);
      } catch (IOException | RuntimeException e) {
        error = e.getMessage();
      }
      if (error == null) {
        claim(content, names, ids);
        next.put(file, new FileState(sha256(bytes), content, null));
        LOG.info(
            "Policy file {} loaded: {} policies, {} tag policies",
            directory.resolve(file),
            content.policies().size(),
            content.tagPolicies().size());
      } else {
        boolean keep = lastGood != null && conflicts(lastGood, names, ids) == null;
        if (keep) {
          claim(lastGood, names, ids);
        }
        next.put(file, new FileState(sha256(bytes), keep ? lastGood : null, error));
        LOG.error(
            "Policy file {} rejected: {}; {}",
            directory.resolve(file),
            error,
            keep
                ? "its last good version (" + lastGood.size() + " policies) stays in force"
                : "none of its policies are in force");
      }
    }
    // Merge in file-name order whatever order the files were decided in.
    Map<String, FileState> ordered = new LinkedHashMap<>();
    for (String file : contents.keySet()) {
      ordered.put(file, next.get(file));
    }
    for (String removed : states.keySet()) {
      if (!ordered.containsKey(removed)) {
        LOG.info("Policy file {} removed; its policies are withdrawn", directory.resolve(removed));
      }
    }
    states = ordered;
    List<RangerPolicy> policies = new ArrayList<>();
    List<RangerPolicy> tagPolicies = new ArrayList<>();
    for (FileState state : ordered.values()) {
      if (state.lastGood() != null) {
        policies.addAll(state.lastGood().policies());
        tagPolicies.addAll(state.lastGood().tagPolicies());
      }
    }
    if (version == 0 || !sameJson(policies, merged) || !sameJson(tagPolicies, mergedTags)) {
      version++;
      merged = List.copyOf(policies);
      mergedTags = List.copyOf(tagPolicies);
    }
    return new Snapshot(version, merged, mergedTags);
  }

  synchronized PolicyFileStatus status() {
    Map<String, Integer> files = new LinkedHashMap<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    states.forEach(
        (file, state) -> {
          if (state.lastGood() != null) {
            files.put(file, state.lastGood().size());
          }
          if (state.error() != null) {
            rejected.put(file, state.error());
          }
        });
    return new PolicyFileStatus(version, files, rejected);
  }

  private Map<String, byte[]> readAll() {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    if (!Files.isDirectory(directory)) {
      return contents;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files =
          list.filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    } catch (IOException e) {
      LOG.error(
          "Cannot list policy directory {}: {}; policies in force are kept",
          directory,
          e.toString());
      return keepAll();
    }
    for (Path file : files) {
      try {
        contents.put(file.getFileName().toString(), Files.readAllBytes(file));
      } catch (IOException e) {
        // Vanished between list and read (an atomic replace): the next poll sees the new file.
        FileState old = states.get(file.getFileName().toString());
        if (old != null) {
          contents.put(file.getFileName().toString(), null);
        }
      }
    }
    contents.entrySet().removeIf(e -> e.getValue() == null && !states.containsKey(e.getKey()));
    return contents;
  }

  private Map<String, byte[]> keepAll() {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    states.keySet().forEach(file -> contents.put(file, null));
    return contents;
  }

  private Content parse(String file, byte[] bytes) throws IOException {
    if (bytes == null) {
      throw new IOException("cannot be read");
    }
    ServicePolicies document;
    try {
      document =
          JsonUtilsV2.jsonToObj(new String(bytes, StandardCharsets.UTF_8), ServicePolicies.class);
    } catch (IOException e) {
      throw new IOException("is not a valid ServicePolicies JSON document: " + firstLine(e), e);
    }
    if (document == null) {
      throw new IOException("is empty");
    }
    List<RangerPolicy> policies = orEmpty(document.getPolicies());
    List<RangerPolicy> tagPolicies =
        document.getTagPolicies() == null
            ? List.of()
            : orEmpty(document.getTagPolicies().getPolicies());
    List<String> problems = new ArrayList<>();
    policies.forEach(
        p -> problems.addAll(p == null ? List.of("null policy") : validator.problems(p)));
    tagPolicies.forEach(
        p -> problems.addAll(p == null ? List.of("null tag policy") : tagValidator.problems(p)));
    if (!problems.isEmpty()) {
      throw new IOException(String.join("; ", problems));
    }
    return new Content(policies, tagPolicies);
  }

  private static String conflicts(Content content, Set<String> names, Set<Long> ids) {
    Set<String> ownNames = new HashSet<>();
    Set<Long> ownIds = new HashSet<>();
    for (RangerPolicy policy : concat(content)) {
      if (names.contains(policy.getName()) || !ownNames.add(policy.getName())) {
        return "policy name '" + policy.getName() + "' is defined twice";
      }
      if (policy.getId() != null && (ids.contains(policy.getId()) || !ownIds.add(policy.getId()))) {
        return "policy id " + policy.getId() + " ('" + policy.getName() + "') is defined twice";
      }
    }
    return null;
  }

  private static void claim(Content content, Set<String> names, Set<Long> ids) {
    for (RangerPolicy policy : concat(content)) {
      names.add(policy.getName());
      if (policy.getId() != null) {
        ids.add(policy.getId());
      }
    }
  }

  private static List<RangerPolicy> concat(Content content) {
    List<RangerPolicy> all = new ArrayList<>(content.policies());
    all.addAll(content.tagPolicies());
    return all;
  }

  private static boolean sameJson(List<RangerPolicy> a, List<RangerPolicy> b) {
    try {
      return JsonUtilsV2.listToJson(a).equals(JsonUtilsV2.listToJson(b));
    } catch (IOException e) {
      return false;
    }
  }

  private static <T> List<T> orEmpty(List<T> values) {
    return values == null ? List.of() : values;
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes == null ? new byte[0] : bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}

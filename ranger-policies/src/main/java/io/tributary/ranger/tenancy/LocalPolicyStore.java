package io.tributary.ranger.tenancy;

import io.tributary.ranger.PolicyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.apache.ranger.plugin.util.JsonUtilsV2;
import org.apache.ranger.plugin.util.ServicePolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each policy set to {@code <name>.json} in the policy directory, as a {@code
 * ServicePolicies} document the local policy source reads. Files are replaced atomically, so the
 * policy source never reads half a file.
 */
public final class LocalPolicyStore implements PolicyStore {
  private static final Logger LOG = LoggerFactory.getLogger(LocalPolicyStore.class);

  private final Path directory;
  private final String serviceName;

  public LocalPolicyStore(Path directory, String serviceName) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
  }

  public Path fileOf(PolicySet set) {
    return directory.resolve(set.name() + ".json");
  }

  @Override
  public void put(PolicySet set) {
    ServicePolicies document = new ServicePolicies();
    document.setServiceName(serviceName);
    document.setPolicies(set.policies());
    Path file = fileOf(set);
    try {
      Files.createDirectories(directory);
      String json =
          JsonUtilsV2.getMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
      Path temp = directory.resolve("." + set.name() + ".json.tmp");
      Files.writeString(temp, json + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      LOG.info("Wrote policies {} to {}", set.policyNames(), file);
    } catch (IOException e) {
      throw new PolicyException("Cannot write policy file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void remove(PolicySet set) {
    Path file = fileOf(set);
    try {
      if (Files.deleteIfExists(file)) {
        LOG.info("Removed policy file {}", file);
      }
    } catch (IOException e) {
      throw new PolicyException("Cannot remove policy file " + file + ": " + e.getMessage(), e);
    }
  }
}

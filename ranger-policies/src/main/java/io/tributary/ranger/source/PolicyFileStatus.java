package io.tributary.ranger.source;

import java.util.Map;

/**
 * What the local policy source has in force.
 *
 * @param policyVersion version of the merged policies, raised on every effective change
 * @param files policy files in force (file name to number of policies, tag policies included)
 * @param rejected files whose current content was rejected (file name to reason); their last good
 *     content, if any, stays in force
 */
public record PolicyFileStatus(
    long policyVersion, Map<String, Integer> files, Map<String, String> rejected) {
  public PolicyFileStatus {
    files = Map.copyOf(files);
    rejected = Map.copyOf(rejected);
  }
}

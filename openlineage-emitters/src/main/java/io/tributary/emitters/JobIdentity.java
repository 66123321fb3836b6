package io.tributary.emitters;

import java.util.Objects;

/**
 * Who emits: the OpenLineage job (namespace and name) and the integration that runs it.
 *
 * @param namespace the job namespace
 * @param name the job name
 * @param integration the {@code jobType} facet's integration, for example {@code KAFKA_STREAMS}
 * @param jobType the {@code jobType} facet's job type, for example {@code APPLICATION}
 */
public record JobIdentity(String namespace, String name, String integration, String jobType) {
  public JobIdentity {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(jobType, "jobType");
    if (namespace.isBlank() || name.isBlank()) {
      throw new EmitterException("Job '" + namespace + "/" + name + "' has a blank part");
    }
  }
}

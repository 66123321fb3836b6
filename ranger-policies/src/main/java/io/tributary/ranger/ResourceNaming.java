package io.tributary.ranger;

import io.tributary.catalog.Types;
import java.util.Map;

/**
 * The namespace and name under which an entity is a Ranger resource, from what the OpenLineage
 * mapping writes: streaming datasets are {@code <topic>@<cluster>} with {@code clusterName} and
 * {@code namespace} attributes, other datasets and jobs {@code <namespace>/<name>} with a {@code
 * namespace} attribute; columns and column lineage entries carry their dataset's identity ({@code
 * datasetQualifiedName}, {@code namespace}, {@code clusterName}) and are its resource; runs carry
 * {@code jobQualifiedName}. Uses no catalog classes at run time, so Ranger Admin's look-ups can use
 * it too.
 */
public final class ResourceNaming {
  public static final String CLUSTER_ATTRIBUTE = "clusterName";
  public static final String NAMESPACE_ATTRIBUTE = "namespace";
  public static final String DATASET_ATTRIBUTE = "datasetQualifiedName";
  public static final String JOB_ATTRIBUTE = "jobQualifiedName";

  /** The output dataset of a column lineage entry written before entries named their dataset. */
  public static final String OUTPUT_DATASET_ATTRIBUTE = "outputDataset";

  private ResourceNaming() {}

  /**
   * Whether entities of {@code typeName} belong to a dataset and are protected as it: columns and
   * column lineage entries. Subtypes are mapped to these names by {@link EntityResources}.
   */
  public static boolean isDependent(String typeName) {
    return Types.COLUMN.equals(typeName) || Types.COLUMN_LINEAGE.equals(typeName);
  }

  /**
   * The cluster when the entity has one, else its OpenLineage namespace, else the {@code @cluster}
   * suffix of its qualifiedName (of its job's for a run, of its dataset's for a column or column
   * lineage entry), else {@code defaultNamespace}.
   */
  public static String namespace(
      String typeName, String qualifiedName, Map<String, ?> attributes, String defaultNamespace) {
    String cluster = text(attributes, CLUSTER_ATTRIBUTE);
    if (cluster != null) {
      return cluster;
    }
    String namespace = text(attributes, NAMESPACE_ATTRIBUTE);
    if (namespace != null) {
      return namespace;
    }
    String job = Types.RUN.equals(typeName) ? text(attributes, JOB_ATTRIBUTE) : null;
    if (job != null) {
      int slash = job.lastIndexOf('/');
      if (slash > 0) {
        return job.substring(0, slash);
      }
    }
    String dataset = dataset(typeName, attributes);
    String source = job != null ? job : dataset != null ? dataset : qualifiedName;
    int at = source.lastIndexOf('@');
    return at > 0 && at < source.length() - 1 ? source.substring(at + 1) : defaultNamespace;
  }

  /**
   * The dataset or job name: a column or column lineage entry is protected as its dataset and a run
   * as its job; a qualifiedName loses its {@code @cluster} suffix or its {@code <namespace>/}
   * prefix.
   */
  public static String name(String typeName, String qualifiedName, Map<String, ?> attributes) {
    String namespace = text(attributes, NAMESPACE_ATTRIBUTE);
    String dataset = dataset(typeName, attributes);
    if (dataset != null) {
      return strip(dataset, namespace);
    }
    if (Types.RUN.equals(typeName) && text(attributes, JOB_ATTRIBUTE) != null) {
      String job = text(attributes, JOB_ATTRIBUTE);
      int slash = job.lastIndexOf('/');
      return slash > 0 && slash < job.length() - 1 ? job.substring(slash + 1) : strip(job, null);
    }
    return strip(qualifiedName, namespace);
  }

  /** The qualifiedName of the dataset a dependent belongs to, or null. */
  private static String dataset(String typeName, Map<String, ?> attributes) {
    if (!isDependent(typeName)) {
      return null;
    }
    String dataset = text(attributes, DATASET_ATTRIBUTE);
    if (dataset == null && Types.COLUMN_LINEAGE.equals(typeName)) {
      dataset = text(attributes, OUTPUT_DATASET_ATTRIBUTE);
    }
    return dataset;
  }

  private static String strip(String qualifiedName, String namespace) {
    int at = qualifiedName.lastIndexOf('@');
    if (at > 0) {
      return qualifiedName.substring(0, at);
    }
    if (namespace != null
        && qualifiedName.length() > namespace.length() + 1
        && qualifiedName.startsWith(namespace + "/")) {
      return qualifiedName.substring(namespace.length() + 1);
    }
    return qualifiedName;
  }

  private static String text(Map<String, ?> attributes, String key) {
    Object value = attributes == null ? null : attributes.get(key);
    return value instanceof String text && !text.isBlank() ? text : null;
  }
}

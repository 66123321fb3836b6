package io.tributary.testkit.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset of a test event: its namespace and name, and optionally a schema, output statistics and
 * column lineage. Immutable; each {@code with} method returns a copy.
 *
 * @param namespace OpenLineage dataset namespace, for example {@code kafka://broker:9092}
 * @param name dataset name, for example a topic
 * @param fields schema fields as {@code name:type}, in order; empty for no schema facet
 * @param statistics output statistics, or null for none (only written on outputs)
 * @param columnLineage for each field of this dataset, the input fields it derives from
 */
public record TestDataset(
    String namespace,
    String name,
    List<String> fields,
    Statistics statistics,
    Map<String, List<InputField>> columnLineage) {

  /** The namespace of {@link #topic(String)}: a Kafka cluster reached at {@code broker:9092}. */
  public static final String KAFKA = "kafka://broker:9092";

  /** Validates and copies. */
  public TestDataset {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    fields = fields == null ? List.of() : List.copyOf(fields);
    for (String f : fields) {
      if (f.indexOf(':') < 1) {
        throw new IllegalArgumentException("Field '" + f + "' is not name:type");
      }
    }
    columnLineage =
        columnLineage == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnLineage));
  }

  /**
   * A Kafka topic in namespace {@link #KAFKA}.
   *
   * @param topic the topic name
   * @return the dataset, without facets
   */
  public static TestDataset topic(String topic) {
    return of(KAFKA, topic);
  }

  /**
   * Any dataset.
   *
   * @param namespace OpenLineage namespace, such as {@code kafka://host:9092} or {@code
   *     postgres://db:5432}
   * @param name dataset name
   * @return the dataset, without facets
   */
  public static TestDataset of(String namespace, String name) {
    return new TestDataset(namespace, name, List.of(), null, Map.of());
  }

  /**
   * The dataset's qualified name in the catalog when its namespace is a Kafka cluster: {@code
   * topic@host:port}.
   *
   * @return for example {@code orders@broker:9092}
   */
  public String qualifiedName() {
    return name + "@" + namespace.replaceFirst("^[a-z]+://", "");
  }

  /**
   * A copy with a schema facet.
   *
   * @param nameColonType fields as {@code name:type}, e.g. {@code "id:long"}
   * @return the copy
   */
  public TestDataset withFields(String... nameColonType) {
    return new TestDataset(namespace, name, List.of(nameColonType), statistics, columnLineage);
  }

  /**
   * A copy with an output statistics facet (written when the dataset is an output).
   *
   * @param rowCount records written
   * @param bytes bytes written
   * @return the copy
   */
  public TestDataset withStatistics(long rowCount, long bytes) {
    return new TestDataset(namespace, name, fields, new Statistics(rowCount, bytes), columnLineage);
  }

  /**
   * A copy whose {@code field} derives from {@code inputField} of {@code input} (column lineage;
   * call once per input field).
   *
   * @param field a field of this dataset
   * @param input the dataset the field reads from
   * @param inputField the field of {@code input}
   * @return the copy
   */
  public TestDataset withColumnLineage(String field, TestDataset input, String inputField) {
    Map<String, List<InputField>> copy = new LinkedHashMap<>(columnLineage);
    List<InputField> from = new java.util.ArrayList<>(copy.getOrDefault(field, List.of()));
    from.add(new InputField(input.namespace(), input.name(), inputField));
    copy.put(field, List.copyOf(from));
    return new TestDataset(namespace, name, fields, statistics, copy);
  }

  /**
   * Output statistics.
   *
   * @param rowCount records written
   * @param bytes bytes written
   */
  public record Statistics(long rowCount, long bytes) {}

  /**
   * A field of another dataset that a field derives from.
   *
   * @param namespace the input dataset's namespace
   * @param name the input dataset's name
   * @param field the input field
   */
  public record InputField(String namespace, String name, String field) {}
}

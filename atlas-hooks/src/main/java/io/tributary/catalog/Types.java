package io.tributary.catalog;

/** Names of the Atlas types and relationship types that Tributary writes and walks. */
public final class Types {
  public static final String DATASET = "DataSet";
  public static final String PROCESS = "Process";

  public static final String KAFKA_TOPIC = "kafka_topic";
  public static final String FLINK_APPLICATION = "flink_application";
  public static final String FLINK_PROCESS = "flink_process";
  public static final String PULSAR_TOPIC = "pulsar_topic";
  public static final String KINESIS_STREAM = "kinesis_stream";
  public static final String MQTT_TOPIC = "mqtt_topic";
  public static final String KAFKA_STREAMS_APPLICATION = "kafka_streams_application";
  public static final String EDGE_DEVICE = "edge_device";
  public static final String EDGE_NODE = "edge_node";

  /** A dataset of a namespace scheme with no specific type (postgres://, s3://, ...). */
  public static final String GENERIC_DATASET = "openlineage_dataset";

  /** A job of an engine with no specific type. */
  public static final String GENERIC_PROCESS = "openlineage_job";

  public static final String COLUMN = "stream_column";
  public static final String COLUMN_LINEAGE = "stream_column_lineage";
  public static final String RUN = "stream_process_run";

  /** DataSet → Process: the dataset is an input of the process. */
  public static final String REL_INPUTS = "dataset_process_inputs";

  /** Process → DataSet: the dataset is an output of the process. */
  public static final String REL_OUTPUTS = "process_dataset_outputs";

  /** DataSet → column. */
  public static final String REL_COLUMNS = "dataset_stream_columns";

  /** Process → run. */
  public static final String REL_RUNS = "process_stream_runs";

  /**
   * A web UI dashboard. Internal: stored in the catalog so that it lives and is authorized with the
   * tenant's data, but read and written only through its own API.
   */
  public static final String DASHBOARD = "tributary_dashboard";

  /**
   * A tenant's governance record (rules, holds, tasks, proposals, owners): kept in the catalog with
   * the tenant's data, read and written only through the governance API.
   */
  public static final String GOVERNANCE_RECORD = "tributary_governance_record";

  /** Whether entities of the type are internal: left out of search, statistics, lineage, feed. */
  public static boolean isInternal(String typeName) {
    return DASHBOARD.equals(typeName);
  }

  /**
   * Whether generic reads (search, entity lists, statistics, the feed) leave the type out: the
   * internal types and governance records, whose own APIs decide who sees them. A task about a
   * column names the column, so listing tasks to whoever may read the tenant would reveal columns
   * of datasets the reader may not see.
   */
  public static boolean isPrivate(String typeName) {
    return isInternal(typeName) || GOVERNANCE_RECORD.equals(typeName);
  }

  private Types() {}
}

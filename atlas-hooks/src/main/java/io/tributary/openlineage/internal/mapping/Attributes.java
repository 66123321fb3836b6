package io.tributary.openlineage.internal.mapping;

/**
 * Names of the Atlas attributes the mapping writes. Each is declared in the typedef JSON of every
 * type that carries it ({@code typedefs/tributary-streaming.json}, or Atlas's base model for {@code
 * name}, {@code description} and {@code owner}).
 */
final class Attributes {
  // Asset (Atlas base model)
  public static final String DESCRIPTION = "description";
  public static final String OWNER = "owner";

  // identity, on datasets, processes, columns and column lineage (there: of their dataset)
  public static final String NAMESPACE = "namespace";
  public static final String CLUSTER_NAME = "clusterName";
  public static final String TOPIC = "topic";

  // common facets
  public static final String OWNERS = "owners";
  public static final String TAGS = "tags";

  // dataset facets
  public static final String SYMLINKS = "symlinks";
  public static final String DATA_QUALITY_METRICS = "dataQualityMetrics";
  public static final String ROW_COUNT = "rowCount";
  public static final String BYTES = "bytes";
  public static final String FILE_COUNT = "fileCount";
  public static final String DATA_QUALITY_ASSERTIONS = "dataQualityAssertions";
  public static final String ASSERTIONS_PASSED = "assertionsPassed";
  public static final String ASSERTIONS_FAILED = "assertionsFailed";
  public static final String INPUT_ROW_COUNT = "inputRowCount";
  public static final String INPUT_SIZE = "inputSize";
  public static final String INPUT_FILE_COUNT = "inputFileCount";
  public static final String OUTPUT_ROW_COUNT = "outputRowCount";
  public static final String OUTPUT_SIZE = "outputSize";
  public static final String OUTPUT_FILE_COUNT = "outputFileCount";

  // columns
  public static final String TYPE = "type";
  public static final String ORDINAL_POSITION = "ordinalPosition";

  /** On columns and column lineage: the dataset they belong to, and are protected as. */
  public static final String DATASET_QUALIFIED_NAME = "datasetQualifiedName";

  // column lineage
  public static final String PROCESS_QUALIFIED_NAME = "processQualifiedName";
  public static final String OUTPUT_DATASET = "outputDataset";
  public static final String OUTPUT_COLUMN = "outputColumn";
  public static final String LINEAGE_LEVEL = "lineageLevel";
  public static final String TRANSFORMATION_TYPES = "transformationTypes";
  public static final String TRANSFORMATION_SUBTYPES = "transformationSubtypes";
  public static final String TRANSFORMATION_DESCRIPTION = "transformationDescription";
  public static final String MASKING = "masking";
  public static final String TRANSFORMATIONS = "transformations";

  // job facets
  public static final String PROCESSING_TYPE = "processingType";
  public static final String INTEGRATION = "integration";
  public static final String JOB_TYPE = "jobType";
  public static final String SOURCE_CODE_LANGUAGE = "sourceCodeLanguage";
  public static final String SOURCE_CODE = "sourceCode";
  public static final String SOURCE_CODE_URL = "sourceCodeUrl";
  public static final String SQL = "sql";
  public static final String SQL_DIALECT = "sqlDialect";

  // runs
  public static final String JOB_QUALIFIED_NAME = "jobQualifiedName";
  public static final String STATE = "state";
  public static final String START_TIME = "startTime";
  public static final String END_TIME = "endTime";
  public static final String LAST_SEEN = "lastSeen";
  public static final String WINDOW_INPUT_RECORDS = "windowInputRecords";
  public static final String WINDOW_OUTPUT_RECORDS = "windowOutputRecords";
  public static final String WINDOW_SECONDS = "windowSeconds";
  public static final String CONSUMER_LAG = "consumerLag";
  public static final String CONSUMER_LAG_TIME = "consumerLagTime";
  public static final String RUN_FACETS = "runFacets";
  public static final String ERROR_MESSAGE = "errorMessage";
  public static final String ERROR_STACK_TRACE = "errorStackTrace";
  public static final String ERROR_LANGUAGE = "errorLanguage";
  public static final String NOMINAL_START_TIME = "nominalStartTime";
  public static final String NOMINAL_END_TIME = "nominalEndTime";
  public static final String PARENT_RUN_ID = "parentRunId";
  public static final String PARENT_JOB = "parentJob";
  public static final String PROCESSING_ENGINE = "processingEngine";

  private Attributes() {}
}

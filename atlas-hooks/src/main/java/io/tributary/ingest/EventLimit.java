package io.tributary.ingest;

/**
 * The structural limits every ingested OpenLineage event must keep, so that one hostile or broken
 * event cannot take the validator, the mapper or a catalog transaction hostage.
 */
public enum EventLimit {
  /** Datasets in one event: its inputs and outputs (a DatasetEvent has one). */
  DATASETS("ingest.max-datasets-per-event", "datasets (inputs and outputs)", false),
  /** Fields of one schema facet, nested fields (of structs, arrays, maps) included. */
  SCHEMA_FIELDS("ingest.max-schema-fields", "fields in one schema facet", false),
  /** Column-lineage edges in one event: input fields over all its columnLineage facets. */
  COLUMN_LINEAGE_EDGES("ingest.max-column-lineage-edges", "column-lineage edges", false),
  /** Bytes of one facet, as compact JSON. */
  FACET_BYTES("ingest.max-facet-bytes", "bytes in one facet", true);

  private final String key;
  private final String what;
  private final boolean size;

  EventLimit(String key, String what, boolean size) {
    this.key = key;
    this.what = what;
    this.size = size;
  }

  /** The configuration key that sets the limit. */
  public String key() {
    return key;
  }

  /** What is counted, for messages: {@code "datasets (inputs and outputs)"}. */
  public String what() {
    return what;
  }

  /** Whether the limit is on bytes (HTTP answers 413) rather than on a count (422). */
  public boolean isSize() {
    return size;
  }
}

package io.tributary.contract.schema;

/** The three OpenLineage event shapes, told apart by the keys an event carries. */
public enum EventKind {
  /** {@code run} and {@code job}: a state change of one run of a job. */
  RUN,
  /** {@code dataset} without {@code run} and {@code job}: static metadata of one dataset. */
  DATASET,
  /** {@code job} without {@code run}: static metadata of one job and its datasets. */
  JOB
}

package io.tributary.server.export;

/** How a node is drawn and named in formats that tell datasets from jobs. */
public enum NodeKind {
  DATASET,
  PROCESS,
  COLUMN,
  REDACTED
}

package io.tributary.catalog;

/**
 * Dataset-level lineage walks datasets and processes; column-level walks columns and column
 * lineage.
 */
public enum LineageLevel {
  DATASET,
  COLUMN
}

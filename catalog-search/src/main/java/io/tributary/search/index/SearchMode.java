package io.tributary.search.index;

import java.util.Locale;

/** How a text query ranks entities. */
public enum SearchMode {
  /** BM25 over the analysed text. */
  KEYWORD,
  /** Nearest sentence embeddings. */
  SEMANTIC,
  /** Both, fused by reciprocal rank. */
  HYBRID;

  public static SearchMode parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "mode '" + text + "' is unknown: use keyword, semantic or hybrid");
    }
  }
}

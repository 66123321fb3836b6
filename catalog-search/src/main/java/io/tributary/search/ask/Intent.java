package io.tributary.search.ask;

import java.util.Locale;

/** What a question asks for. */
public enum Intent {
  UPSTREAM,
  DOWNSTREAM,
  IMPACT,
  PATH,
  OWNERS,
  CLASSIFICATION,
  QUALITY,
  LAST_RUN,
  FAILED_RUNS,
  SILENT,
  COUNT,
  SCHEMA,
  /** "tell me about X", "what does X do": the entity's generated summary. */
  DESCRIBE,
  SEARCH;

  /** The name in answers: {@code last_run}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

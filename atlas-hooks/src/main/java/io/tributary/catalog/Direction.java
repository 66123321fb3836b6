package io.tributary.catalog;

/** Which way a lineage query walks from its start: Atlas calls these INPUT, OUTPUT and BOTH. */
public enum Direction {
  UPSTREAM,
  DOWNSTREAM,
  BOTH;

  /** Accepts Tributary's names and Atlas's ({@code INPUT}, {@code OUTPUT}), case-insensitively. */
  public static Direction parse(String text) {
    return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "UPSTREAM", "INPUT" -> UPSTREAM;
      case "DOWNSTREAM", "OUTPUT" -> DOWNSTREAM;
      case "BOTH" -> BOTH;
      default ->
          throw new IllegalArgumentException(
              "Direction '" + text + "' is unknown: use UPSTREAM, DOWNSTREAM or BOTH");
    };
  }
}

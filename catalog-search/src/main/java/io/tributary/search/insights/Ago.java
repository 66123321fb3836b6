package io.tributary.search.insights;

import java.time.Duration;
import java.time.Instant;

/** Durations as people say them: "3 s", "5 min", "2 h", "4 days". */
public final class Ago {
  private Ago() {}

  public static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 90) {
      return s + " s";
    }
    if (s < 90 * 60) {
      return Math.round(s / 60.0) + " min";
    }
    if (s < 36 * 3600) {
      return Math.round(s / 3600.0) + " h";
    }
    return Math.round(s / 86400.0) + " days";
  }

  public static String since(Instant then, Instant now) {
    return duration(Duration.between(then, now)) + " ago";
  }
}

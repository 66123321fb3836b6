package io.tributary.server.api;

import io.tributary.catalog.Direction;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.Names;
import io.tributary.contract.TenantId;
import io.tributary.server.problem.ApiException;
import java.util.Locale;

/** Parses query and path parameters; a bad one is a 400 problem that names it. */
public final class Params {
  private Params() {}

  public static Guid guid(String name, String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.badParameter(name, "is required");
    }
    try {
      return new Guid(text.trim());
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(name, "'" + text + "' is not a guid (a UUID)");
    }
  }

  public static int integer(String name, String text, int defaultValue, int min, int max) {
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "'" + text + "' is not an integer");
    }
    if (value < min || value > max) {
      throw ApiException.badParameter(name, value + " is outside " + min + ".." + max);
    }
    return value;
  }

  public static long sequence(String name, String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value < 0) {
        throw ApiException.badParameter(name, "'" + text + "' is negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "'" + text + "' is not an event id");
    }
  }

  public static Direction direction(String name, String text, Direction defaultValue) {
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    try {
      return Direction.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(name, e.getMessage());
    }
  }

  public static LineageLevel level(String name, String text) {
    if (text == null || text.isBlank()) {
      return LineageLevel.DATASET;
    }
    try {
      return LineageLevel.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(name, "'" + text + "' is unknown: use DATASET or COLUMN");
    }
  }

  /** Null when absent; never trimmed: {@code " acme"} is refused, not read as {@code acme}. */
  public static TenantId tenant(String name, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return new TenantId(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(name, Names.printable(e.getMessage()));
    }
  }

  /** A name a caller gives (a namespace, a dataset): refused unless already canonical. */
  public static String name(String name, String text) {
    try {
      return Names.requireCanonical(name, text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(name, e.getMessage());
    }
  }

  /** Null when absent; else not blank. */
  public static String text(String name, String text, int maxLength) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (text.isBlank()) {
      throw ApiException.badParameter(name, "is blank");
    }
    if (text.length() > maxLength) {
      throw ApiException.badParameter(name, "is longer than " + maxLength + " characters");
    }
    return text.trim();
  }
}

package io.tributary.catalog.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * Newest-wins per attribute: a write applies to an attribute only when its {@code asOf} is after
 * the time stored for that attribute. An equal time is a redelivery and changes nothing, so writes
 * commute: any delivery order ends in the same state.
 */
final class AttributeMerge {
  private final Json json;

  /**
   * What a merge did: whether any value changed, whether any stored time moved, and whether the
   * write won on every attribute it carried.
   */
  record Outcome(boolean valuesChanged, boolean timesChanged, boolean allWon) {}

  /**
   * What a merge writes into: the attributes, copied only when a value changes (a refresh mostly
   * repeats values), and the times, which every winning write moves.
   */
  interface Target {
    ObjectNode attributes();

    /** The attributes, made safe to modify. */
    ObjectNode writableAttributes();

    ObjectNode times();
  }

  /** The last {@code asOf} written as text: every write of an event carries the same one. */
  private Instant lastAsOf;

  private String lastAsOfText;

  AttributeMerge(Json json) {
    this.json = json;
  }

  /** {@code asOf} as stored. Not thread-safe: one merge per writer. */
  String text(Instant asOf) {
    if (!asOf.equals(lastAsOf)) {
      lastAsOfText = asOf.toString();
      lastAsOf = asOf;
    }
    return lastAsOfText;
  }

  /** Whether a write at {@code asOf} wins over what is stored for {@code attribute}. */
  static boolean wins(ObjectNode times, String attribute, Instant asOf) {
    JsonNode stored = times.get(attribute);
    return stored == null || asOf.isAfter(instant(stored.asText()));
  }

  /**
   * Applies {@code written} to {@code attributes} in place; a null value removes the attribute (and
   * its time stays, so an older write cannot bring it back).
   */
  Outcome merge(Target target, Map<String, Object> written, Instant asOf) {
    return merge(target, written, asOf, Set.of());
  }

  /** As {@link #merge(Target, Map, Instant)}, ignoring the attributes named in {@code skipped}. */
  Outcome merge(Target target, Map<String, Object> written, Instant asOf, Set<String> skipped) {
    return merge(target, written, asOf, skipped, null);
  }

  /**
   * As {@link #merge(Target, Map, Instant, Set)}, adding the name of each attribute whose value
   * changed to {@code changed} (when not null).
   */
  Outcome merge(
      Target target,
      Map<String, Object> written,
      Instant asOf,
      Set<String> skipped,
      Set<String> changed) {
    boolean valuesChanged = false;
    boolean timesChanged = false;
    boolean allWon = true;
    ObjectNode times = target.times();
    for (Map.Entry<String, Object> e : written.entrySet()) {
      String name = e.getKey();
      if (skipped.contains(name)) {
        continue;
      }
      if (!wins(times, name, asOf)) {
        allWon = false;
        continue;
      }
      times.put(name, text(asOf));
      timesChanged = true;
      ObjectNode attributes = target.attributes();
      if (e.getValue() == null) {
        if (attributes.has(name)) {
          target.writableAttributes().remove(name);
          valuesChanged = true;
          if (changed != null) {
            changed.add(name);
          }
        }
      } else {
        JsonNode value = json.normalise(name, e.getValue());
        if (!value.equals(attributes.get(name))) {
          target.writableAttributes().set(name, value);
          valuesChanged = true;
          if (changed != null) {
            changed.add(name);
          }
        }
      }
    }
    return new Outcome(valuesChanged, timesChanged, allWon);
  }

  /**
   * A stored time. Times are written by {@link Instant#toString}, {@code
   * yyyy-MM-ddTHH:mm:ss[.f…]Z}, which this reads directly: every write of a refresh compares a time
   * per attribute, and the general parser costs more than the rest of the merge together. Anything
   * else goes to {@link Instant#parse}.
   */
  static Instant instant(String text) {
    int n = text.length();
    if (n < 20
        || n > 30
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(n - 1) != 'Z') {
      return Instant.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = 0;
    if (n > 20) {
      int fraction = n - 21;
      if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return Instant.parse(text);
      }
      nanos = digits(text, 20, n - 1);
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    } else if (text.charAt(19) != 'Z') {
      return Instant.parse(text);
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
      return Instant.parse(text);
    }
    long days = daysSinceEpoch(year, month, day);
    return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The number the decimal digits in {@code [from, to)} spell. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new DateTimeParseException("Not a stored time", text, i);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Days from 1970-01-01 to a proleptic Gregorian date (the civil-from-days inverse). */
  private static long daysSinceEpoch(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }
}

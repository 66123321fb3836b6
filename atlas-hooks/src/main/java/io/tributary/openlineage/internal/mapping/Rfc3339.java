package io.tributary.openlineage.internal.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 timestamps as the schema's {@code date-time} format accepts them, made readable by
 * {@code java.time}: a space or lower-case {@code t} between date and time, a lower-case {@code z},
 * and a leap second ({@code 23:59:60}, read as {@code 23:59:59}: java.time has no leap seconds).
 */
public final class Rfc3339 {
  private static final int DATE_LENGTH = 10;
  private static final int SECONDS_AT = 17;

  private Rfc3339() {}

  /** The timestamp in the form {@code java.time} parses; the same string when already so. */
  public static String normalise(String timestamp) {
    if (timestamp.length() <= SECONDS_AT + 1) {
      return timestamp;
    }
    char separator = timestamp.charAt(DATE_LENGTH);
    boolean badSeparator = separator == ' ' || separator == 't';
    boolean lowerZone = timestamp.charAt(timestamp.length() - 1) == 'z';
    boolean leapSecond =
        timestamp.charAt(SECONDS_AT) == '6' && timestamp.charAt(SECONDS_AT + 1) == '0';
    if (!badSeparator && !lowerZone && !leapSecond) {
      return timestamp;
    }
    char[] chars = timestamp.toCharArray();
    if (badSeparator) {
      chars[DATE_LENGTH] = 'T';
    }
    if (lowerZone) {
      chars[chars.length - 1] = 'Z';
    }
    if (leapSecond) {
      chars[SECONDS_AT] = '5';
      chars[SECONDS_AT + 1] = '9';
    }
    return new String(chars);
  }

  /** The instant of an RFC 3339 timestamp, or null when it is not one. */
  public static Instant parse(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    Instant common = parseCommon(timestamp);
    if (common != null) {
      return common;
    }
    try {
      return OffsetDateTime.parse(normalise(timestamp)).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The common shape, {@code 2026-03-01T12:00:00[.fraction](Z|+hh:mm)}, read by position: every
   * event carries one, and {@code DateTimeFormatter} spends tens of microseconds on it. Null for
   * any other shape, which {@link #parse} then reads the general way.
   */
  public static Instant parseCommon(String t) {
    int n = t.length();
    if (n < 20
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (t.charAt(i) == '.') {
      int start = ++i;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        i++;
      }
      int count = i - start;
      if (count == 0 || count > 9) {
        return null;
      }
      nanos = digits(t, start, count);
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n - 1 && t.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
      int hours = digits(t, i + 1, 2);
      int minutes = digits(t, i + 4, 2);
      if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
        return null;
      }
      offsetSeconds = (hours * 3600 + minutes * 60) * (t.charAt(i) == '-' ? -1 : 1);
    } else {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The value of {@code count} decimal digits from {@code from}, or -1 if one is not a digit. */
  private static int digits(String t, int from, int count) {
    int value = 0;
    for (int k = from; k < from + count; k++) {
      char c = t.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}

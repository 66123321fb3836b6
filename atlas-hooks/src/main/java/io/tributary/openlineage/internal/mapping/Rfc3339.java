package io.tributary.openlineage.internal.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
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
    try {
      return OffsetDateTime.parse(normalise(timestamp)).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

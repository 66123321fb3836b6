package io.tributary.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the text of a setting becomes a value and back.
 *
 * @param name the type as the reference page names it
 * @param parse throws {@link IllegalArgumentException} with the reason when the text is not a value
 * @param format the inverse of {@code parse}, for the reference page
 */
public record ValueType<T>(String name, Function<String, T> parse, Function<T, String> format) {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]i?b?|b)?");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  public ValueType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parse, "parse");
    Objects.requireNonNull(format, "format");
  }

  public static ValueType<String> string() {
    return new ValueType<>("string", s -> s, s -> s);
  }

  /**
   * A whole number in {@code min..max}; {@link Integer#MAX_VALUE} as {@code max} means no bound.
   */
  public static ValueType<Integer> integer(int min, int max) {
    return new ValueType<>(
        max == Integer.MAX_VALUE ? "integer >= " + min : "integer " + min + ".." + max,
        s -> {
          int value;
          try {
            value = Integer.parseInt(s.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
          }
          if (value < min || value > max) {
            throw new IllegalArgumentException("outside " + min + ".." + max);
          }
          return value;
        },
        String::valueOf);
  }

  public static ValueType<Boolean> bool() {
    return new ValueType<>(
        "boolean",
        s ->
            switch (s.trim().toLowerCase(Locale.ROOT)) {
              case "true" -> true;
              case "false" -> false;
              default -> throw new IllegalArgumentException("use true or false");
            },
        String::valueOf);
  }

  public static ValueType<Double> number(double min, double max) {
    return new ValueType<>(
        "number " + formatNumber(min) + ".." + formatNumber(max),
        s -> {
          double value;
          try {
            value = Double.parseDouble(s.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
          }
          if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException(
                "outside " + formatNumber(min) + ".." + formatNumber(max));
          }
          return value;
        },
        ValueType::formatNumber);
  }

  /** Comma-separated words, blanks dropped: {@code acme.writer, globex.writer}. */
  public static ValueType<List<String>> list() {
    return new ValueType<>(
        "comma-separated list",
        s ->
            java.util.Arrays.stream(s.split(","))
                .map(String::trim)
                .filter(w -> !w.isEmpty())
                .toList(),
        l -> String.join(",", l));
  }

  private static String formatNumber(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }

  public static ValueType<Path> path() {
    return new ValueType<>(
        "path",
        s -> {
          if (s.isBlank()) {
            throw new IllegalArgumentException("a path must not be empty");
          }
          return Path.of(s.trim());
        },
        Path::toString);
  }

  /** One of fixed words, compared case-insensitively. */
  public static ValueType<String> oneOf(List<String> choices) {
    List<String> copy = List.copyOf(choices);
    return new ValueType<>(
        "one of " + String.join(", ", copy),
        s -> {
          String word = s.trim().toLowerCase(Locale.ROOT);
          if (!copy.contains(word)) {
            throw new IllegalArgumentException("use one of " + String.join(", ", copy));
          }
          return word;
        },
        s -> s);
  }

  /**
   * A size in bytes: {@code 5242880}, {@code 512KB}, {@code 5MB}, {@code 1GiB} (powers of 1024).
   */
  public static ValueType<Long> bytes(long min, long max) {
    return new ValueType<>(
        "size (bytes, KB, MB, GB)",
        s -> {
          Matcher m = SIZE.matcher(s.trim().toLowerCase(Locale.ROOT));
          if (!m.matches()) {
            throw new IllegalArgumentException("not a size: use e.g. 5242880, 512KB or 5MB");
          }
          long unit =
              switch (m.group(2) == null ? "b" : m.group(2).substring(0, 1)) {
                case "k" -> 1024L;
                case "m" -> 1024L * 1024;
                case "g" -> 1024L * 1024 * 1024;
                default -> 1L;
              };
          long value;
          try {
            value = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
          } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("too large");
          }
          if (value < min || value > max) {
            throw new IllegalArgumentException(
                "outside " + formatBytes(min) + ".." + formatBytes(max));
          }
          return value;
        },
        ValueType::formatBytes);
  }

  /** A duration: {@code 15s}, {@code 500ms}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT15S}). */
  public static ValueType<Duration> duration(Duration min, Duration max) {
    return new ValueType<>(
        "duration (ms, s, m, h)",
        s -> {
          Duration value = parseDuration(s.trim().toLowerCase(Locale.ROOT));
          if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(
                "outside " + formatDuration(min) + ".." + formatDuration(max));
          }
          return value;
        },
        ValueType::formatDuration);
  }

  /**
   * A whole number of milliseconds, for keys whose name ends in {@code .ms} ({@code 5000}); units
   * are not accepted there.
   */
  public static ValueType<Duration> millis(long min) {
    return new ValueType<>(
        "milliseconds >= " + min,
        s -> {
          long value;
          try {
            value = Long.parseLong(s.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number of milliseconds");
          }
          if (value < min) {
            throw new IllegalArgumentException(value + " ms is below " + min + " ms");
          }
          return Duration.ofMillis(value);
        },
        d -> String.valueOf(d.toMillis()));
  }

  private static Duration parseDuration(String text) {
    Matcher m = SHORT_DURATION.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    try {
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a duration: use e.g. 500ms, 15s, 2m or PT15S");
    }
  }

  static String formatBytes(long bytes) {
    if (bytes > 0 && bytes % (1024L * 1024 * 1024) == 0) {
      return bytes / (1024L * 1024 * 1024) + "GB";
    }
    if (bytes > 0 && bytes % (1024L * 1024) == 0) {
      return bytes / (1024L * 1024) + "MB";
    }
    if (bytes > 0 && bytes % 1024L == 0) {
      return bytes / 1024L + "KB";
    }
    return String.valueOf(bytes);
  }

  static String formatDuration(Duration d) {
    if (d.toMillisPart() != 0 || d.isZero()) {
      return d.toMillis() + "ms";
    }
    if (d.toSeconds() % 3600 == 0) {
      return d.toHours() + "h";
    }
    if (d.toSeconds() % 60 == 0) {
      return d.toMinutes() + "m";
    }
    return d.toSeconds() + "s";
  }
}

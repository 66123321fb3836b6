package io.tributary.ranger.governance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the governance records' enums are spelt in JSON: their names in lower case. */
final class JsonEnums {
  private JsonEnums() {}

  static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The constant spelt {@code text}.
   *
   * @throws IllegalArgumentException naming {@code what} and the known spellings
   */
  static <E extends Enum<E>> E parse(Class<E> type, String what, String text) {
    for (E value : type.getEnumConstants()) {
      if (name(value).equals(text)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        what
            + " '"
            + text
            + "' is unknown; known: "
            + Arrays.stream(type.getEnumConstants())
                .map(JsonEnums::name)
                .collect(Collectors.joining(", ")));
  }
}

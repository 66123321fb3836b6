package io.tributary.search.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits identifiers into the words people type: {@code crm.contacts} → crm, contacts; {@code
 * customer_id} → customer, id; {@code orderEnricher} → order, enricher. The identifier itself is
 * kept too, so an exact name still matches best.
 */
public final class Words {
  private Words() {}

  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    StringBuilder word = new StringBuilder();
    char previous = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean boundary =
          !Character.isLetterOrDigit(c)
              || (Character.isUpperCase(c) && Character.isLowerCase(previous))
              || (Character.isDigit(c) != Character.isDigit(previous) && word.length() > 0);
      if (boundary && word.length() > 0) {
        out.add(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      }
      previous = c;
    }
    if (word.length() > 0) {
      out.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** The text, then its words: what goes into a text field for an identifier. */
  public static String expanded(String identifier) {
    if (identifier == null || identifier.isBlank()) {
      return "";
    }
    Set<String> parts = new LinkedHashSet<>();
    parts.add(identifier);
    parts.addAll(split(identifier));
    return String.join(" ", parts);
  }
}

package io.tributary.catalog;

/**
 * Checks that names arriving from callers (namespaces, dataset names, share grantees) are already
 * canonical. A name is never trimmed or cleaned silently: {@code "acme\t"} read as {@code acme}
 * would let one spelling stand for another in policies and audit.
 */
public final class Names {
  private Names() {}

  /**
   * The name itself when canonical.
   *
   * @param what what the name is, for the message ("namespace")
   * @throws IllegalArgumentException naming the offending character
   */
  public static String requireCanonical(String what, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    if (Character.isWhitespace(name.codePointAt(0))
        || Character.isWhitespace(name.codePointBefore(name.length()))
        || Character.isSpaceChar(name.codePointAt(0))
        || Character.isSpaceChar(name.codePointBefore(name.length()))) {
      throw new IllegalArgumentException(
          what + " '" + printable(name) + "' starts or ends with white space");
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL
          || type == Character.FORMAT
          || type == Character.UNASSIGNED
          || type == Character.SURROGATE) {
        throw new IllegalArgumentException(
            what
                + " '"
                + printable(name)
                + "' contains the character U+"
                + String.format("%04X", c)
                + ", which names may not hold");
      }
      i += Character.charCount(c);
    }
    return name;
  }

  /** The name with control characters shown as {@code \\uXXXX}, safe for messages and logs. */
  public static String printable(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (type == Character.CONTROL || type == Character.FORMAT) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}

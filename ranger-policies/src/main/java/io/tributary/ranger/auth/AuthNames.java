package io.tributary.ranger.auth;

import java.util.regex.Pattern;

/**
 * The identifiers of the users file: user names, API key ids, group and role names. Each must
 * already be canonical; none is trimmed or cleaned, because {@code "alice "} read as {@code alice}
 * would let one spelling stand for another in policies and audit.
 */
public final class AuthNames {
  /** User names: what Ranger policies and the audit log name, and what Basic credentials carry. */
  public static final String USER_SYNTAX = "[A-Za-z0-9][A-Za-z0-9._@-]{0,127}";

  /** API key ids: the {@code <id>} of {@code trb_<id>_<secret>}, so no {@code _}. */
  public static final String API_KEY_ID_SYNTAX = "[A-Za-z0-9]{1,64}";

  static final int MAX_LABEL_LENGTH = 256;
  private static final int MAX_QUOTED = 140;

  private static final Pattern USER = Pattern.compile(USER_SYNTAX);
  private static final Pattern API_KEY_ID = Pattern.compile(API_KEY_ID_SYNTAX);

  private AuthNames() {}

  /**
   * The user name itself when valid.
   *
   * @throws IllegalArgumentException naming the value and the syntax
   */
  public static String user(String name) {
    if (name == null || !USER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "User name " + quoted(name) + " is invalid: use " + USER_SYNTAX);
    }
    return name;
  }

  /**
   * The API key id itself when valid.
   *
   * @throws IllegalArgumentException naming the value and the syntax
   */
  public static String apiKeyId(String id) {
    if (id == null || !API_KEY_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "API key id " + quoted(id) + " is invalid: use " + API_KEY_ID_SYNTAX);
    }
    return id;
  }

  /**
   * A group or role name itself when canonical: not empty, at most 256 characters, no white space
   * at either end, no control characters. Inner spaces are allowed (directory groups such as {@code
   * Domain Users} have them).
   *
   * @param what {@code group} or {@code role}, for the message
   * @throws IllegalArgumentException naming the value
   */
  public static String label(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("A " + what + " name is empty");
    }
    if (value.length() > MAX_LABEL_LENGTH) {
      throw new IllegalArgumentException(
          "The " + what + " name " + quoted(value) + " is longer than " + MAX_LABEL_LENGTH);
    }
    if (Character.isWhitespace(value.codePointAt(0))
        || Character.isSpaceChar(value.codePointAt(0))
        || Character.isWhitespace(value.codePointBefore(value.length()))
        || Character.isSpaceChar(value.codePointBefore(value.length()))) {
      throw new IllegalArgumentException(
          "The " + what + " name " + quoted(value) + " starts or ends with white space");
    }
    if (value.codePoints().anyMatch(AuthNames::isControl)) {
      throw new IllegalArgumentException(
          "The " + what + " name " + quoted(value) + " contains a control character");
    }
    return value;
  }

  /**
   * The value in quotes with control characters shown as {@code \\uXXXX} and the tail of a long one
   * cut: safe for messages and logs.
   */
  static String quoted(String value) {
    if (value == null) {
      return "(none)";
    }
    boolean cut = value.codePointCount(0, value.length()) > MAX_QUOTED;
    StringBuilder out = new StringBuilder().append('\'');
    value
        .codePoints()
        .limit(MAX_QUOTED)
        .forEach(
            c -> {
              if (isControl(c)) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append(cut ? "...'" : "'").toString();
  }

  static boolean isControl(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.UNASSIGNED
        || type == Character.SURROGATE;
  }
}

package io.tributary.server.security;

import java.util.Optional;

/**
 * The one spelling of a request path the server accepts. The router forgives spellings (it drops
 * matrix parameters, tolerates a trailing slash, decodes escapes), so a path written two ways could
 * mean one resource to the router and another to a check that reads the raw text. Refusing every
 * spelling but the canonical one, before anything looks at the path, leaves nothing to disagree on.
 *
 * <p>A canonical path starts with {@code /}; holds only RFC 3986 path characters; has no matrix
 * parameters ({@code ;}), no empty segment ({@code //}), no trailing {@code /} (except {@code /}
 * itself), no {@code .} or {@code ..} segment; and percent-encodes neither {@code /} nor {@code \},
 * nor control characters, nor what needs no encoding (letters, digits, {@code -._~}: so no {@code
 * %2e} either).
 */
public final class CanonicalPath {
  private static final String SUB_DELIMS_BUT_SEMICOLON = "!$&'()*+,=";

  private CanonicalPath() {}

  /**
   * Why {@code rawPath} is not canonical, if it is not.
   *
   * @param rawPath the path of the request target as sent: not decoded, without the query
   */
  public static Optional<String> violation(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      return Optional.of("the path must start with '/'");
    }
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == ';') {
        return Optional.of("matrix parameters (';') are not accepted");
      }
      if (c == '%') {
        Optional<String> escape = escapeViolation(rawPath, i);
        if (escape.isPresent()) {
          return escape;
        }
        i += 2;
      } else if (!isPathChar(c)) {
        return Optional.of("the path holds a character that must be percent-encoded");
      }
    }
    if (rawPath.length() > 1 && rawPath.endsWith("/")) {
      return Optional.of("the path must not end with '/'");
    }
    if (rawPath.contains("//")) {
      return Optional.of("the path must not hold an empty segment ('//')");
    }
    for (String segment : rawPath.substring(1).split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.of("the path must not hold '.' or '..' segments");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> escapeViolation(String path, int at) {
    if (at + 2 >= path.length() || !isHex(path.charAt(at + 1)) || !isHex(path.charAt(at + 2))) {
      return Optional.of("the path holds a '%' that is not a percent-encoded octet");
    }
    int octet = Integer.parseInt(path.substring(at + 1, at + 3), 16);
    if (octet == '/' || octet == '\\') {
      return Optional.of("the path must not percent-encode '/' or '\\'");
    }
    if (isUnreserved((char) octet)) {
      // RFC 3986 6.2.2.2 writes them plain; the router takes /h%65alth for another path.
      return Optional.of("the path must not percent-encode letters, digits or '-._~'");
    }
    if (octet < 0x20 || octet == 0x7f) {
      return Optional.of("the path must not hold control characters");
    }
    return Optional.empty();
  }

  /** RFC 3986 {@code pchar} or {@code /}, without {@code %} (checked apart) and {@code ;}. */
  private static boolean isPathChar(char c) {
    return isUnreserved(c)
        || c == ':'
        || c == '@'
        || c == '/'
        || SUB_DELIMS_BUT_SEMICOLON.indexOf(c) >= 0;
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}

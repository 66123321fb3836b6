package io.tributary.cli.users;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a new password from standard input or the terminal, never from the command line. */
final class Passwords {
  /** More than any password the server accepts, so that a wrong pipe is not read to its end. */
  private static final int MAX_BYTES = 4 * 1024;

  private Passwords() {}

  /**
   * Everything on {@code in}, less one final line end ({@code \n} or {@code \r\n}) that {@code
   * echo} or a file adds. Nothing else is trimmed: spaces belong to the password.
   */
  static char[] fromStdin(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UsersBackend.Failure(
          "cannot read the password from standard input: " + e.getMessage(), UsersBackend.FAILED);
    }
    if (bytes.length > MAX_BYTES) {
      throw new UsersBackend.Failure(
          "standard input holds more than " + MAX_BYTES + " bytes: not a password",
          UsersBackend.USAGE);
    }
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\n') {
      end--;
      if (end > 0 && bytes[end - 1] == '\r') {
        end--;
      }
    }
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, end));
      char[] password = new char[chars.remaining()];
      chars.get(password);
      Arrays.fill(chars.array(), '\0');
      return password;
    } catch (CharacterCodingException e) {
      throw new UsersBackend.Failure(
          "the password on standard input is not UTF-8", UsersBackend.USAGE);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** Asks twice on the terminal, without echo. */
  static char[] fromConsole(Console console, String user) {
    if (console == null) {
      throw new UsersBackend.Failure(
          "no terminal to ask for the password of '" + user + "' on: pipe it with --password-stdin",
          UsersBackend.USAGE);
    }
    char[] first = console.readPassword("New password for '%s': ", user);
    char[] second = console.readPassword("Repeat it: ");
    if (first == null || second == null || !Arrays.equals(first, second)) {
      wipe(first);
      wipe(second);
      throw new UsersBackend.Failure("the passwords differ", UsersBackend.USAGE);
    }
    wipe(second);
    return first;
  }

  static void wipe(char[] password) {
    if (password != null) {
      Arrays.fill(password, '\0');
    }
  }
}

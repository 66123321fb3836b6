package io.tributary.ranger.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and verifies secrets with the JDK alone, in self-describing strings:
 *
 * <ul>
 *   <li>{@code pbkdf2-sha256$<iterations>$<salt>$<hash>} for passwords, which people choose and
 *       which therefore need a slow hash: PBKDF2-HMAC-SHA256, a 16-byte random salt, a 32-byte
 *       derived key, both in Base64 without padding;
 *   <li>{@code sha256$<hash>} for API key secrets (the UTF-8 bytes of the 64 hex digits after the
 *       key's second {@code _}), 256 random bits that no dictionary holds, so one fast hash
 *       suffices and every request can afford to verify one.
 * </ul>
 *
 * Comparison is constant-time.
 */
public final class SecretHasher {
  public static final int DEFAULT_ITERATIONS = 210_000;

  /** More would let a users file make every login take minutes. */
  public static final int MAX_ITERATIONS = 10_000_000;

  private static final int HASH_BYTES = 32;
  private static final String PBKDF2 = "pbkdf2-sha256";
  private static final String SHA256 = "sha256";
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final SecureRandom random;
  private final int iterations;

  public SecretHasher() {
    this(new SecureRandom(), DEFAULT_ITERATIONS);
  }

  public SecretHasher(SecureRandom random, int iterations) {
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "iterations " + iterations + " must be between 1 and " + MAX_ITERATIONS);
    }
    this.random = random;
    this.iterations = iterations;
  }

  public String hashPassword(char[] password) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, iterations);
    return PBKDF2
        + "$"
        + iterations
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  public String hashApiKeySecret(String secret) {
    return SHA256 + "$" + B64.encodeToString(sha256(secret));
  }

  /** Whether {@code secret} matches {@code encoded}; false for any malformed {@code encoded}. */
  public boolean verify(String encoded, char[] secret) {
    if (encoded == null) {
      return false;
    }
    String[] parts = encoded.split("\\$");
    try {
      if (parts.length == 4 && parts[0].equals(PBKDF2)) {
        int rounds = Integer.parseInt(parts[1]);
        if (rounds < 1 || rounds > MAX_ITERATIONS) {
          return false;
        }
        byte[] salt = B64D.decode(parts[2]);
        byte[] expected = B64D.decode(parts[3]);
        return MessageDigest.isEqual(expected, pbkdf2(secret, salt, rounds));
      }
      if (parts.length == 2 && parts[0].equals(SHA256)) {
        return MessageDigest.isEqual(B64D.decode(parts[1]), sha256(new String(secret)));
      }
    } catch (IllegalArgumentException e) {
      return false;
    }
    return false;
  }

  /** Whether {@code encoded} is a well-formed password hash: {@code pbkdf2-sha256$...}. */
  public static boolean isPasswordHash(String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(PBKDF2) || !parts[1].matches("[1-9][0-9]{0,7}")) {
      return false;
    }
    int rounds = Integer.parseInt(parts[1]);
    return rounds <= MAX_ITERATIONS
        && decodedLength(parts[2]) > 0
        && decodedLength(parts[3]) == HASH_BYTES;
  }

  /** Whether {@code encoded} is a well-formed API key secret hash: {@code sha256$...}. */
  public static boolean isApiKeySecretHash(String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
    return parts.length == 2 && parts[0].equals(SHA256) && decodedLength(parts[1]) == HASH_BYTES;
  }

  /** The number of bytes {@code base64} holds; -1 when it is not Base64. */
  private static int decodedLength(String base64) {
    try {
      return B64D.decode(base64).length;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /**
   * Spends the time of one password verification, so that an unknown user name answers no faster
   * than a wrong password.
   */
  void burnPasswordCheck(char[] secret) {
    pbkdf2(secret, new byte[16], iterations);
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int rounds) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, rounds, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  static void wipe(char[] secret) {
    Arrays.fill(secret, '\0');
  }
}

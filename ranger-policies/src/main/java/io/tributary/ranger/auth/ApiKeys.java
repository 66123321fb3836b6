package io.tributary.ranger.auth;

import io.tributary.contract.TenantId;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/** Generates API keys and splits presented ones into id and secret. */
public final class ApiKeys {
  public static final String PREFIX = "trb_";

  /** A key as issued: the clear key, shown once, and the entry to store. */
  public record Issued(String key, ApiKeyEntry entry) {
    @Override
    public String toString() {
      return "Issued[key=(redacted), entry=" + entry + "]";
    }
  }

  record Parts(String id, String secret) {
    @Override
    public String toString() {
      return "Parts[id=" + id + ", secret=(redacted)]";
    }
  }

  private final SecureRandom random;
  private final SecretHasher hasher;

  public ApiKeys(SecureRandom random, SecretHasher hasher) {
    this.random = random;
    this.hasher = hasher;
  }

  public Issued issue(String user, Set<String> groups, Set<String> roles, TenantId tenant) {
    byte[] id = new byte[6];
    byte[] secret = new byte[32];
    random.nextBytes(id);
    random.nextBytes(secret);
    String idText = HexFormat.of().formatHex(id);
    String secretText = HexFormat.of().formatHex(secret);
    return new Issued(
        PREFIX + idText + "_" + secretText,
        new ApiKeyEntry(idText, hasher.hashApiKeySecret(secretText), user, groups, roles, tenant));
  }

  static Optional<Parts> parse(String key) {
    if (key == null || !key.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int sep = key.indexOf('_', PREFIX.length());
    if (sep < 0 || sep == PREFIX.length() || sep == key.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new Parts(key.substring(PREFIX.length(), sep), key.substring(sep + 1)));
  }
}

package io.tributary.ranger.tenancy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.contract.TenantId;
import io.tributary.ranger.PolicyException;
import io.tributary.ranger.tenancy.RegistryChange.ShareGranted;
import io.tributary.ranger.tenancy.RegistryChange.ShareRevoked;
import io.tributary.ranger.tenancy.RegistryChange.TenantCreated;
import io.tributary.ranger.tenancy.RegistryChange.TenantDeleted;
import io.tributary.ranger.tenancy.RegistryChange.TenantRestated;
import io.tributary.ranger.tenancy.RegistryChange.TenantUpdated;
import java.io.IOException;

/**
 * Registry changes as keyed records of a compacted log: the key names the tenant or share, the
 * value is its new state as JSON, and a removal has no value (a tombstone).
 */
public final class RegistryCodec {
  private static final ObjectMapper JSON =
      RegistryJson.mapper().disable(SerializationFeature.INDENT_OUTPUT);
  private static final int VERSION = 1;

  /** A record's value. */
  record Value(int version, String op, Tenant tenant, Share share) {}

  private RegistryCodec() {}

  /** The value of {@code change}; null for a removal. */
  public static byte[] encode(RegistryChange change) {
    Value value;
    if (change instanceof TenantCreated c) {
      value = new Value(VERSION, "create", c.tenant(), null);
    } else if (change instanceof TenantUpdated u) {
      value = new Value(VERSION, "update", u.tenant(), null);
    } else if (change instanceof TenantRestated r) {
      value = new Value(VERSION, "restate", r.tenant(), null);
    } else if (change instanceof ShareGranted g) {
      value = new Value(VERSION, "grant", null, g.share());
    } else {
      return null;
    }
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new PolicyException("Cannot encode registry change of " + change.key(), e);
    }
  }

  /**
   * The change a record carries.
   *
   * @throws PolicyException when the key or the value is not one this version writes
   */
  public static RegistryChange decode(String key, byte[] value) {
    if (key == null) {
      throw new PolicyException("Registry record without a key");
    }
    if (value == null) {
      if (key.startsWith("tenant/")) {
        return new TenantDeleted(new TenantId(key.substring("tenant/".length())));
      }
      if (key.startsWith("share/")) {
        return new ShareRevoked(key.substring("share/".length()));
      }
      throw new PolicyException("Registry record key '" + key + "' is unknown");
    }
    Value decoded;
    try {
      decoded = JSON.readValue(value, Value.class);
    } catch (IOException | RuntimeException e) {
      throw new PolicyException("Registry record '" + key + "' is invalid: " + e.getMessage(), e);
    }
    RegistryChange change =
        switch (decoded.op() == null ? "" : decoded.op()) {
          case "create" -> new TenantCreated(decoded.tenant());
          case "update" -> new TenantUpdated(decoded.tenant());
          case "restate" -> new TenantRestated(decoded.tenant());
          case "grant" -> new ShareGranted(decoded.share());
          default ->
              throw new PolicyException(
                  "Registry record '" + key + "' has unknown op '" + decoded.op() + "'");
        };
    if (!change.key().equals(key)) {
      throw new PolicyException(
          "Registry record '" + key + "' carries the value of '" + change.key() + "'");
    }
    return change;
  }
}

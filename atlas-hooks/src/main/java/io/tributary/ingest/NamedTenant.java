package io.tributary.ingest;

import io.tributary.catalog.Names;
import io.tributary.contract.TenantId;
import io.tributary.contract.schema.Violation;
import io.tributary.openlineage.InvalidEventException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant a request names, and where it names it (an HTTP header or parameter, a Kafka record
 * header or key). A name is a choice among the tenants the writer may write, never a credential.
 *
 * @param source where the name came from, for messages: {@code header X-Tributary-Tenant}
 */
public record NamedTenant(TenantId tenant, String source) {
  public NamedTenant {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(source, "source");
  }

  /**
   * One place a request may name a tenant.
   *
   * @param value the text there; null or empty when the request names nothing there
   */
  public record Claim(String source, String value) {
    public Claim {
      Objects.requireNonNull(source, "source");
    }

    boolean isPresent() {
      return value != null && !value.isEmpty();
    }
  }

  /**
   * The tenant the claims name; empty when none names one. Every claim that names a tenant must
   * name the same one.
   *
   * @throws InvalidEventException when a claim is not a valid tenant id, or two claims differ
   */
  public static Optional<NamedTenant> resolve(List<Claim> claims) {
    NamedTenant found = null;
    for (Claim claim : claims) {
      if (!claim.isPresent()) {
        continue;
      }
      NamedTenant named = new NamedTenant(parse(claim), claim.source());
      if (found == null) {
        found = named;
      } else if (!found.tenant().equals(named.tenant())) {
        throw new InvalidEventException(
            List.of(
                new Violation(
                    "",
                    "the "
                        + named.source()
                        + " names tenant '"
                        + named.tenant()
                        + "' but the "
                        + found.source()
                        + " names '"
                        + found.tenant()
                        + "'; name one tenant")));
      }
    }
    return Optional.ofNullable(found);
  }

  private static TenantId parse(Claim claim) {
    try {
      return new TenantId(claim.value());
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException(
          List.of(
              new Violation("", "the " + claim.source() + ": " + Names.printable(e.getMessage()))));
    }
  }
}

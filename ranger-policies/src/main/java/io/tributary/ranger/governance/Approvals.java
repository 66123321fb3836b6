package io.tributary.ranger.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import io.tributary.ranger.EntityResources;
import io.tributary.ranger.ResourcePath;
import io.tributary.ranger.audit.AuditRecord;
import io.tributary.ranger.audit.AuditSink;
import io.tributary.ranger.tenancy.TenantRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proposals: changes to a classification, the owners, a description, a retention rule, or a share
 * of a dataset with another tenant, made only once enough stewards approve them. A tenant sets how
 * many approvals it needs ({@link #setRequiredApprovals}, default 1); the proposer's own approval
 * never counts, one rejection ends a proposal. Each proposal, approval, rejection and application
 * is audited to the audit sink, and, being a governance record, published on the change feed.
 *
 * <p>Who may approve is Ranger's decision ({@code approve} access on the entity's namespace), taken
 * by the caller before {@link #approve} and {@link #reject}.
 */
public final class Approvals {
  public static final String KIND = "proposal";
  public static final String SETTINGS_KIND = "approval-settings";
  public static final int MAX_APPROVALS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);

  private final Catalog catalog;
  private final GovernanceStore store;
  private final Stewardship stewardship;
  private final Retention retention;
  private final TenantRegistry tenants;
  private final Runnable policiesChanged;
  private final EntityResources resources;
  private final AuditSink audit;
  private final Clock clock;
  private final Classifications classifications;

  private Approvals(Builder b) {
    this.catalog = Objects.requireNonNull(b.catalog, "catalog");
    this.store = Objects.requireNonNull(b.store, "store");
    this.stewardship = Objects.requireNonNull(b.stewardship, "stewardship");
    this.retention = Objects.requireNonNull(b.retention, "retention");
    this.tenants = Objects.requireNonNull(b.tenants, "tenants");
    this.policiesChanged = Objects.requireNonNull(b.policiesChanged, "policiesChanged");
    this.resources = Objects.requireNonNull(b.resources, "resources");
    this.audit = Objects.requireNonNull(b.audit, "audit");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.classifications = new Classifications(catalog, clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  // Settings

  public int requiredApprovals(TenantId tenant) {
    return store.list(tenant, SETTINGS_KIND).stream()
        .findFirst()
        .map(b -> b.path("requiredApprovals").asInt(1))
        .orElse(1);
  }

  public void setRequiredApprovals(TenantId tenant, int required) {
    if (required < 1 || required > MAX_APPROVALS) {
      throw new IllegalArgumentException(
          "requiredApprovals is 1.." + MAX_APPROVALS + ", not " + required);
    }
    ObjectNode body = Stewardship.JSON.createObjectNode().put("requiredApprovals", required);
    store.put(tenant, SETTINGS_KIND, "settings", body);
  }

  // Proposals

  /**
   * Records a proposal, pending.
   *
   * @param entity what it changes; null only for a retention rule
   * @throws IllegalArgumentException naming what is wrong with {@code change}
   */
  public Proposal propose(
      TenantId tenant,
      Proposal.Kind kind,
      Entity entity,
      JsonNode change,
      String reason,
      String user) {
    validate(tenant, kind, entity, change);
    Proposal p =
        new Proposal(
            UUID.randomUUID().toString(),
            kind,
            Proposal.Status.PENDING,
            entity == null ? null : entity.guid().value(),
            change,
            reason,
            user,
            clock.instant(),
            requiredApprovals(tenant),
            List.of(),
            null,
            null);
    save(tenant, p);
    audit(tenant, user, "propose", p, true);
    return p;
  }

  public List<Proposal> proposals(TenantId tenant) {
    List<Proposal> out = new ArrayList<>();
    for (JsonNode b : store.list(tenant, KIND)) {
      out.add(Stewardship.read(b, Proposal.class));
    }
    out.sort(Comparator.comparing(Proposal::created).thenComparing(Proposal::id));
    return out;
  }

  public Optional<Proposal> proposal(TenantId tenant, String id) {
    return proposals(tenant).stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * Adds {@code user}'s approval; with enough approvals, makes the change.
   *
   * @throws IllegalStateException when the proposal is decided already, is the user's own, or the
   *     user approved it already
   */
  public synchronized Proposal approve(TenantId tenant, String id, String user, String comment) {
    Proposal p = pending(tenant, id, user);
    List<Proposal.Decision> approvals = new ArrayList<>(p.approvals());
    approvals.add(new Proposal.Decision(user, clock.instant(), comment));
    Proposal approved = with(p, Proposal.Status.PENDING, approvals, null, null);
    audit(tenant, user, "approve", approved, true);
    if (approvals.size() < p.required()) {
      return save(tenant, approved);
    }
    Proposal done;
    try {
      String outcome = apply(tenant, approved);
      done = with(approved, Proposal.Status.APPLIED, approvals, null, outcome);
      audit(tenant, user, "apply", done, true);
    } catch (RuntimeException e) {
      // The approvals stand; what prevented the change is kept for the stewards to see.
      LOG.warn("governance: proposal {} of tenant '{}' not applied: {}", id, tenant, e.toString());
      done = with(approved, Proposal.Status.FAILED, approvals, null, e.getMessage());
      audit(tenant, user, "apply", done, false);
    }
    return save(tenant, done);
  }

  /** Rejects a pending proposal: one rejection decides it. */
  public synchronized Proposal reject(TenantId tenant, String id, String user, String comment) {
    Proposal p = pending(tenant, id, user);
    Proposal rejected =
        with(
            p,
            Proposal.Status.REJECTED,
            p.approvals(),
            new Proposal.Decision(user, clock.instant(), comment),
            "rejected by " + user);
    audit(tenant, user, "reject", rejected, true);
    return save(tenant, rejected);
  }

  private Proposal pending(TenantId tenant, String id, String user) {
    Proposal p =
        proposal(tenant, id)
            .orElseThrow(() -> new java.util.NoSuchElementException("no proposal '" + id + "'"));
    if (p.status() != Proposal.Status.PENDING) {
      throw new IllegalStateException("proposal " + id + " is " + p.status().jsonName());
    }
    if (p.proposedBy().equals(user)) {
      throw new IllegalStateException("a proposer cannot decide their own proposal");
    }
    if (p.approvals().stream().anyMatch(a -> a.user().equals(user))) {
      throw new IllegalStateException(user + " approved proposal " + id + " already");
    }
    return p;
  }

  /** The Ranger resource a proposal is decided on: its entity's, or the tenant for retention. */
  public ResourcePath resourceOf(TenantId tenant, Proposal p) {
    if (p.entityGuid() == null) {
      return ResourcePath.tenant(tenant);
    }
    return catalog
        .get(new Guid(p.entityGuid()), Visibility.all())
        .map(resources::of)
        .orElse(ResourcePath.tenant(tenant));
  }

  // Validation and application

  private void validate(TenantId tenant, Proposal.Kind kind, Entity entity, JsonNode change) {
    if (change == null || !change.isObject()) {
      throw new IllegalArgumentException("'change' must be a JSON object");
    }
    if (kind != Proposal.Kind.RETENTION && entity == null) {
      throw new IllegalArgumentException("a " + kind.jsonName() + " proposal names an entity");
    }
    switch (kind) {
      case CLASSIFICATION -> {
        boolean add = change.path("add").isTextual();
        boolean remove = change.path("remove").isTextual();
        if (add == remove) {
          throw new IllegalArgumentException(
              "a classification change is {\"add\"} or {\"remove\"}");
        }
      }
      case OWNER -> {
        if (!change.path("owners").isArray() && !change.path("stewards").isArray()) {
          throw new IllegalArgumentException("an owner change names 'owners' and/or 'stewards'");
        }
        names(change, "owners");
        names(change, "stewards");
      }
      case DESCRIPTION -> {
        if (!change.path("description").isTextual()) {
          throw new IllegalArgumentException("a description change names 'description'");
        }
      }
      case RETENTION -> retentionRule(change);
      case SHARE -> {
        String grantee = change.path("grantee").asText("");
        TenantId to = new TenantId(grantee);
        if (to.equals(tenant)) {
          throw new IllegalArgumentException("a tenant cannot share with itself");
        }
        if (tenants.get(to).isEmpty()) {
          throw new IllegalArgumentException("no tenant '" + grantee + "' to share with");
        }
      }
    }
  }

  private String apply(TenantId tenant, Proposal p) {
    Entity entity =
        p.entityGuid() == null
            ? null
            : catalog
                .get(new Guid(p.entityGuid()), Visibility.all())
                .filter(e -> e.tenant().equals(tenant))
                .orElseThrow(() -> new IllegalStateException("the entity is gone"));
    JsonNode c = p.change();
    return switch (p.kind()) {
      case CLASSIFICATION -> {
        if (c.has("add")) {
          classifications.addManual(entity, List.of(c.path("add").asText()));
          yield "classified " + c.path("add").asText();
        }
        classifications.remove(entity, c.path("remove").asText());
        yield "declassified " + c.path("remove").asText();
      }
      case OWNER -> {
        Optional<Ownership> now = stewardship.ownership(tenant, entity.guid().value(), null);
        List<String> owners =
            c.has("owners") ? names(c, "owners") : now.map(Ownership::owners).orElse(List.of());
        List<String> stewards =
            c.has("stewards")
                ? names(c, "stewards")
                : now.map(Ownership::stewards).orElse(List.of());
        stewardship.putOwnership(
            tenant, entity.guid().value(), null, owners, stewards, p.proposedBy());
        yield "owners " + owners + ", stewards " + stewards;
      }
      case DESCRIPTION -> {
        catalog.apply(
            new Mutation(
                "governance description",
                List.of(
                    new EntityWrite(
                        entity.key(),
                        null,
                        Map.of("description", c.path("description").asText()),
                        Set.of(),
                        clock.instant())),
                List.of()));
        yield "description changed";
      }
      case RETENTION -> {
        RetentionRule rule = retentionRule(c);
        retention.putRule(tenant, rule);
        yield "retention rule " + rule.id() + " set";
      }
      case SHARE -> {
        ResourcePath resource = resources.of(entity);
        TenantId grantee = new TenantId(c.path("grantee").asText());
        var share = tenants.share(tenant, grantee, resource.namespace(), List.of(resource.name()));
        policiesChanged.run();
        yield "shared as " + share.id();
      }
    };
  }

  private static RetentionRule retentionRule(JsonNode c) {
    try {
      return new RetentionRule(
          c.path("id").asText(""),
          c.hasNonNull("typeName") ? c.path("typeName").asText() : null,
          c.hasNonNull("classification") ? c.path("classification").asText() : null,
          Duration.parse(c.path("olderThan").asText("")));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("'olderThan' must be an ISO-8601 duration (P30D)");
    }
  }

  private static List<String> names(JsonNode c, String field) {
    List<String> out = new ArrayList<>();
    JsonNode list = c.path(field);
    if (list.isMissingNode()) {
      return out;
    }
    if (!list.isArray()) {
      throw new IllegalArgumentException("'" + field + "' must be an array of names");
    }
    for (JsonNode n : list) {
      if (!n.isTextual() || n.asText().isBlank()) {
        throw new IllegalArgumentException("'" + field + "' must hold non-blank names");
      }
      out.add(n.asText());
    }
    return out;
  }

  private static Proposal with(
      Proposal p,
      Proposal.Status status,
      List<Proposal.Decision> approvals,
      Proposal.Decision rejection,
      String outcome) {
    return new Proposal(
        p.id(),
        p.kind(),
        status,
        p.entityGuid(),
        p.change(),
        p.reason(),
        p.proposedBy(),
        p.created(),
        p.required(),
        approvals,
        rejection,
        outcome);
  }

  private Proposal save(TenantId tenant, Proposal p) {
    store.put(tenant, KIND, p.id(), Stewardship.JSON.valueToTree(p));
    return p;
  }

  private void audit(TenantId tenant, String user, String action, Proposal p, boolean done) {
    audit.send(
        AuditRecord.decision(
            UUID.randomUUID().toString(),
            clock.instant(),
            "tributary",
            user,
            action,
            "proposal",
            tenant.value()
                + "/"
                + GovernanceStore.NAMESPACE
                + "/proposal "
                + p.id()
                + " "
                + p.kind().jsonName()
                + (p.entityGuid() == null ? "" : " of " + p.entityGuid())
                + " "
                + p.change()
                + " -> "
                + p.status().jsonName()
                + (p.outcome() == null ? "" : " (" + p.outcome() + ")"),
            done,
            -1,
            null,
            Set.of(),
            null,
            null));
  }

  /** The parts an approval may change. */
  public static final class Builder {
    private Catalog catalog;
    private GovernanceStore store;
    private Stewardship stewardship;
    private Retention retention;
    private TenantRegistry tenants;
    private Runnable policiesChanged = () -> {};
    private EntityResources resources;
    private AuditSink audit;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder catalog(Catalog v) {
      this.catalog = v;
      return this;
    }

    public Builder store(GovernanceStore v) {
      this.store = v;
      return this;
    }

    public Builder stewardship(Stewardship v) {
      this.stewardship = v;
      return this;
    }

    public Builder retention(Retention v) {
      this.retention = v;
      return this;
    }

    /** Where approved shares are granted. */
    public Builder tenants(TenantRegistry v) {
      this.tenants = v;
      return this;
    }

    /** Called after an approved share changed the policies (refreshes the authorizer). */
    public Builder policiesChanged(Runnable v) {
      this.policiesChanged = v;
      return this;
    }

    public Builder resources(EntityResources v) {
      this.resources = v;
      return this;
    }

    public Builder audit(AuditSink v) {
      this.audit = v;
      return this;
    }

    public Builder clock(Clock v) {
      this.clock = v;
      return this;
    }

    public Approvals build() {
      return new Approvals(this);
    }
  }
}

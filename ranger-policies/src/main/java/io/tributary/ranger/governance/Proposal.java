package io.tributary.ranger.governance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change that stewards approve or reject before it is made.
 *
 * @param entityGuid the entity it changes (classification, owner, description, share); null for a
 *     retention rule
 * @param change what to do, by kind: {@code {"add"|"remove": classification}}, {@code {"owners",
 *     "stewards"}}, {@code {"description"}}, {@code {"id", "typeName"?, "classification"?,
 *     "olderThan"}}, {@code {"grantee"}}
 * @param required approvals needed, fixed when proposed
 */
public record Proposal(
    String id,
    Kind kind,
    Status status,
    String entityGuid,
    JsonNode change,
    String reason,
    String proposedBy,
    Instant created,
    int required,
    List<Decision> approvals,
    Decision rejection,
    String outcome) {
  public enum Kind {
    CLASSIFICATION,
    OWNER,
    DESCRIPTION,
    RETENTION,
    SHARE;

    @JsonValue
    public String jsonName() {
      return JsonEnums.name(this);
    }

    @JsonCreator
    public static Kind parse(String text) {
      return JsonEnums.parse(Kind.class, "proposal kind", text);
    }
  }

  public enum Status {
    PENDING,
    APPLIED,
    REJECTED,
    FAILED;

    @JsonValue
    public String jsonName() {
      return JsonEnums.name(this);
    }

    @JsonCreator
    public static Status parse(String text) {
      return JsonEnums.parse(Status.class, "proposal status", text);
    }
  }

  /** One approver's or rejecter's decision. */
  public record Decision(String user, Instant time, String comment) {
    public Decision {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(time, "time");
    }
  }

  public Proposal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(proposedBy, "proposedBy");
    Objects.requireNonNull(created, "created");
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
    if (required < 1) {
      throw new IllegalArgumentException("a proposal needs at least one approval: " + required);
    }
  }

  /** Whether {@code user} may still decide it: pending, not theirs, not yet approved by them. */
  public boolean awaits(String user) {
    return status == Status.PENDING
        && !proposedBy.equals(user)
        && approvals.stream().noneMatch(a -> a.user().equals(user));
  }
}
